import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { describeHttpFailure, joinUrl, postJson } from "../http-json";
import { ZRegistryPerson, type CivilRegistry, type RegistryLookup, type RegistryLookupInput } from "./civil-registry";

const ZLookupResponse = z.object({ person: ZRegistryPerson });

export type HttpCivilRegistryOptions = { baseUrl: string; apiKey?: string; timeoutMs: number };

/** The real registry: `POST {baseUrl}/persons/lookup`; 200 with the person, or 404. */
export class HttpCivilRegistry implements CivilRegistry {
  constructor(private readonly options: HttpCivilRegistryOptions) {}

  async lookupPerson({ nationalId, birthDate }: RegistryLookupInput): Promise<RegistryLookup> {
    const result = await postJson({
      url: joinUrl(this.options.baseUrl, "persons/lookup"),
      body: { nationalId, birthDate },
      schema: ZLookupResponse,
      timeoutMs: this.options.timeoutMs,
      apiKey: this.options.apiKey,
    });
    if (!result.ok) {
      if (result.failure.kind === "unexpected-status" && result.failure.status === 404) return { found: false };
      throw new AppError("REGISTRY_UNAVAILABLE", `Civil registry: ${describeHttpFailure(result.failure)}`, {
        cause: result.failure.kind === "network" ? result.failure.cause : undefined,
      });
    }
    const { person } = result.data;
    // Someone else's record must never be shown as the applicant's, whatever the registry's bug.
    if (person.nationalId !== nationalId || person.birthDate !== birthDate) {
      throw new AppError("REGISTRY_UNAVAILABLE", "Civil registry: answered with a person other than the one asked for");
    }
    return { found: true, person };
  }
}
