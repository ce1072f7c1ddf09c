import { appErrorCodeResponse, appErrorResponse } from "@/app/app-error-response";
import { Readable } from "node:stream";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { getCurrentUser } from "@/lib/server/auth/session-cookie";
import { getDb } from "@/lib/server/db/prisma";
import { getDocumentForReview } from "@/lib/server/review/get-document-for-review";

// Staff of the request's branch view documents inside the review page (images
// in <img>, PDFs in <object>); ?download=1 saves them instead. Anyone else: 404.
export async function GET(request: Request, { params }: { params: Promise<{ id: string; documentId: string }> }) {
  const user = await getCurrentUser();
  if (!user || user.kind !== "staff") return appErrorCodeResponse("NOT_FOUND");
  const { id, documentId } = await params;
  try {
    const document = await getDocumentForReview({ db: await getDb(), storage: getFileStorage(), staff: user, requestId: id, documentId });
    const download = new URL(request.url).searchParams.get("download") === "1";
    const isPdf = document.mimeType === "application/pdf";
    return new Response(Readable.toWeb(document.stream) as ReadableStream, {
      headers: {
        "Content-Type": document.mimeType,
        "Content-Length": String(document.sizeBytes),
        "Content-Disposition": `${download ? "attachment" : "inline"}; filename*=UTF-8''${encodeURIComponent(document.fileName)}`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
        // Only our own pages may frame it. Images are inert; a sandbox would stop the browser's PDF viewer.
        "Content-Security-Policy": `default-src 'none'; frame-ancestors 'self'${isPdf ? "" : "; sandbox"}`,
        "X-Frame-Options": "SAMEORIGIN",
      },
    });
  } catch (error) {
    // A domain error gets its status and message; any other error is rethrown (500).
    return appErrorResponse(error);
  }
}
