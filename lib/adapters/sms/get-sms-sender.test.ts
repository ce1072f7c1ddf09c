import { describe, expect, it } from "vitest";
import { parseConfig } from "@/lib/config";
import { createSmsSender } from "./get-sms-sender";
import { HttpSmsSender } from "./http-sms-sender";
import { OutboxSmsSender } from "./outbox-sms-sender";

describe("createSmsSender", () => {
  it("keeps messages in the outbox by default", () => {
    expect(createSmsSender(parseConfig({}))).toBeInstanceOf(OutboxSmsSender);
  });

  it("uses the HTTP gateway when configured", () => {
    const config = parseConfig({ SMS_PROVIDER: "http", SMS_HTTP_URL: "https://sms.example/send" });
    expect(createSmsSender(config)).toBeInstanceOf(HttpSmsSender);
  });
});
