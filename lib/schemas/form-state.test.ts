import { describe, expect, it } from "vitest";
import { chosenFile } from "./form-state";

describe("chosenFile", () => {
  const form = (value: File | string | null) => {
    const data = new FormData();
    if (value !== null) data.set("document", value);
    return data;
  };

  it("is null when no file was chosen (the browser sends a nameless empty file) or the field is missing or text", () => {
    expect(chosenFile(form(new File([], "")), "document")).toBeNull();
    // How a server action's multipart parser (busboy, no filename) names it.
    expect(chosenFile(form(new File([], "undefined")), "document")).toBeNull();
    expect(chosenFile(form(null), "document")).toBeNull();
    expect(chosenFile(form("text"), "document")).toBeNull();
  });

  it("returns a chosen file, an empty one too, so that it is refused as empty", () => {
    expect(chosenFile(form(new File(["%PDF-"], "scan.pdf")), "document")?.name).toBe("scan.pdf");
    const empty = chosenFile(form(new File([], "empty.pdf")), "document");
    expect(empty?.name).toBe("empty.pdf");
    expect(empty?.size).toBe(0);
  });
});
