import { isUuid } from "@/lib/utils/uuid";

/**
 * Where a booking, move or cancel sends the person back: the same page, with
 * the outcome's code (`?m=`, shown by the page in Persian) and the branch they
 * were looking at, so a full slot shows that branch's next free ones.
 */
export function visitOutcomePath(page: string, code: string, formData: FormData): string {
  const branch = formData.get("branch");
  const params = new URLSearchParams({ m: code });
  if (typeof branch === "string" && isUuid(branch)) params.set("branch", branch);
  return `${page}?${params.toString()}`;
}
