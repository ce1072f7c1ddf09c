import { appErrorCodeResponse, appErrorResponse } from "@/app/app-error-response";
import { Readable } from "node:stream";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { citizenFileOf } from "@/lib/server/auth/require-citizen";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { getMyDocument } from "@/lib/server/requests/get-my-document";

// Documents are served only to their owner; anything else is 404, whoever asks.
export async function GET(_request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.kind !== "citizen") return appErrorCodeResponse("NOT_FOUND");
  const file = citizenFileOf(user, "VIEW");
  if (typeof file === "string") return appErrorCodeResponse("NOT_FOUND");
  const { id, documentId } = await params;
  try {
    const document = await getMyDocument({ db: await getDb(), storage: getFileStorage(), citizenId: file.owner.accountId, requestId: id, documentId });
    const disposition = document.mimeType === "application/pdf" ? "attachment" : "inline";
    return new Response(Readable.toWeb(document.stream) as ReadableStream, {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": `${disposition}; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        "Content-Security-Policy": "default-src 'none'; frame-ancestors 'none'; sandbox",
        "X-Frame-Options": "DENY",
      },
    });
  } catch (error) {
    // A domain error gets its status and message; any other error is rethrown (500).
    return appErrorResponse(error);
  }
}
