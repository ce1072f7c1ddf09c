import { describe, expect, it } from "vitest";
import { actionFormFields, multipartBody, scriptUrls } from "./html";

const page = `<html><head>
<link rel="stylesheet" href="/_next/static/chunks/a.css"/>
<link rel="preload" as="script" fetchPriority="low" href="/_next/static/chunks/w.js"/>
<script src="/_next/static/chunks/1.js" async=""></script><script src="/_next/static/chunks/2.js" async=""></script>
<script src="/_next/static/chunks/poly.js" noModule=""></script>
<script>self.__next_f.push([1,"x"])</script></head><body>
<form action="/search" method="get"><input type="hidden" name="q" value="a"/></form>
<form action="" encType="multipart/form-data" method="POST"><input type="hidden" name="$ACTION_REF_1"/>
<input type="hidden" name="$ACTION_1:0" value="{&quot;id&quot;:&quot;60ab&quot;,&quot;bound&quot;:&quot;$@1&quot;}"/>
<input type="hidden" name="$ACTION_1:1" value="[{&quot;values&quot;:{},&quot;fieldErrors&quot;:{}}]"/>
<input type="hidden" name="$ACTION_KEY" value="k1d"/>
<input type="hidden" name="submissionId" value="0b6e"/>
<input type="text" name="subject" value=""/></form>
<script src="/_next/static/chunks/1.js" async=""></script></body></html>`;

describe("actionFormFields", () => {
  it("returns the hidden inputs of the first server-action form, decoded", () => {
    expect(actionFormFields(page)).toEqual([
      ["$ACTION_REF_1", ""],
      ["$ACTION_1:0", '{"id":"60ab","bound":"$@1"}'],
      ["$ACTION_1:1", '[{"values":{},"fieldErrors":{}}]'],
      ["$ACTION_KEY", "k1d"],
      ["submissionId", "0b6e"],
    ]);
  });

  it("skips other action forms (the header's sign-out) when asked for the one with a given field", () => {
    const signOut = `<form action="" method="POST"><input type="hidden" name="$ACTION_ID_00aa"/><button>خروج</button></form>`;
    expect(actionFormFields(signOut + page)).toEqual([["$ACTION_ID_00aa", ""]]);
    expect(actionFormFields(signOut + page, "subject").map(([name]) => name)).toContain("$ACTION_KEY");
  });

  it("finds nothing on a page without such a form", () => {
    expect(actionFormFields("<form><input type=\"hidden\" name=\"q\" value=\"1\"/></form>")).toEqual([]);
  });
});

describe("scriptUrls", () => {
  it("lists each script the browser fetches once, without the legacy nomodule polyfill", () => {
    expect(scriptUrls(page)).toEqual(["/_next/static/chunks/1.js", "/_next/static/chunks/2.js", "/_next/static/chunks/w.js"]);
  });
});

describe("multipartBody", () => {
  it("writes one part per field and the closing boundary", () => {
    expect(multipartBody([["a", "1"], ["b", "x y"]], "B")).toBe(
      '--B\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--B\r\nContent-Disposition: form-data; name="b"\r\n\r\nx y\r\n--B--\r\n',
    );
  });
});
