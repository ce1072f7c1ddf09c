import { appErrorCodeResponse, appErrorResponse } from "@/app/app-error-response";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { citizenFileOf } from "@/lib/server/auth/require-citizen";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { isSameOrigin } from "@/lib/server/http/same-origin";
import { stageUpload } from "@/lib/server/uploads/staged-uploads";

/** Room for the multipart envelope around one file. */
const ENVELOPE_BYTES = 64 * 1024;

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" } });

// A document sent ahead of the dependents form, one file per request, so the
// browser can show real upload progress (XMLHttpRequest upload events). The
// form then carries the returned token. Same-origin only; the size is refused
// from the header before the body is read.
export async function POST(request: Request) {
  if (!isSameOrigin(request)) return json(403, { error: "cross-origin" });
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") return appErrorCodeResponse("NOT_FOUND", "json");
  // A helper sends documents ahead only for a file they may enrol dependents in.
  const owner = citizenFileOf(user, "ENROL_DEPENDENTS");
  if (typeof owner === "string") return appErrorCodeResponse("FORBIDDEN", "json");
  const length = Number(request.headers.get("content-length") ?? NaN);
  if (!Number.isFinite(length)) return json(411, { error: "length-required" });
  if (length > MAX_DOCUMENT_BYTES + ENVELOPE_BYTES) {
    return json(413, { problem: "TOO_LARGE" });
  }
  let file: FormDataEntryValue | null;
  try {
    file = (await request.formData()).get("file");
  } catch {
    return json(400, { error: "bad-form" });
  }
  if (!(file instanceof File)) return json(400, { error: "no-file" });
  let result: Awaited<ReturnType<typeof stageUpload>>;
  try {
    result = await stageUpload({ db: await getDb(), storage: getFileStorage(), citizenId: owner.owner.accountId, file });
  } catch (error) {
    // The store failing (STORAGE_ERROR) is a 503 with its message; the script then posts the file with the form.
    return appErrorResponse(error, "json");
  }
  // Not an HTTP error: a refused file is an ordinary answer. The form, posted
  // with the file itself, then names the problem beside the right field.
  if (!result.ok) return json(200, { problem: result.problem });
  return json(201, { token: result.token, fileName: result.fileName, size: result.size });
}
