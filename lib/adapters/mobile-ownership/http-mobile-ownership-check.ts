import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeHttpFailure, joinUrl, postJson } from "../http-json";
import type { MobileOwnershipCheck, MobileOwnershipInput } from "./mobile-ownership-check";

const ZOwnershipResponse = z.object({ owner: z.boolean() });

export type HttpMobileOwnershipCheckOptions = { baseUrl: string; apiKey?: string; timeoutMs: number };

/** `POST {baseUrl}/mobile/ownership` answering `{ owner: boolean }`; any other answer is an outage. */
export class HttpMobileOwnershipCheck implements MobileOwnershipCheck {
  constructor(private readonly options: HttpMobileOwnershipCheckOptions) {}

  async isOwner({ mobile, nationalId }: MobileOwnershipInput): Promise<boolean> {
    const result = await postJson({
      url: joinUrl(this.options.baseUrl, "mobile/ownership"),
      body: { mobile, nationalId },
      schema: ZOwnershipResponse,
      timeoutMs: this.options.timeoutMs,
      apiKey: this.options.apiKey,
    });
    if (!result.ok) {
      throw new AppError("MOBILE_CHECK_UNAVAILABLE", `Mobile ownership check: ${describeHttpFailure(result.failure)}`, {
        cause: result.failure.kind === "network" ? result.failure.cause : undefined,
      });
    }
    return result.data.owner;
  }
}
