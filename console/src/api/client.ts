import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, type Problem } from "../lib/problem";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];
export type Incident = Schemas["IncidentView"];
export type IncidentPage = Schemas["PageResultIncidentView"];
export type Comment = Schemas["CommentView"];
export type HistoryEntry = Schemas["Incident_HistoryEntry"];
export type NextStates = Schemas["Incident_NextStates"];
export type SlaExplanation = Schemas["SlaExplanation"];
export type Service = Schemas["ServiceView"];
export type Offering = Schemas["OfferingView"];
export type CatalogItem = Schemas["ItemView"];
export type ServiceRequest = Schemas["RequestView"];

export type Api = ReturnType<typeof createApi>;

/** The typed client of the gateway's API: bearer token on every call, problem+json answers thrown as ApiError. */
export function createApi(baseUrl: string, token: () => Promise<string | undefined>) {
  const auth: Middleware = {
    async onRequest({ request }) {
      const value = await token();
      if (value) request.headers.set("Authorization", `Bearer ${value}`);
      return request;
    },
    async onResponse({ response }) {
      if (response.ok) return response;
      let problem: Problem = { status: response.status };
      try {
        problem = (await response.clone().json()) as Problem;
      } catch {
        // not problem+json: keep the status
      }
      throw new ApiError(response.status, problem);
    },
  };
  const client = createClient<paths>({ baseUrl });
  client.use(auth);
  return client;
}

/** The data of a successful openapi-fetch answer (errors were already thrown by the middleware). */
export function must<T>(result: { data?: T; response: Response }): T {
  if (result.data === undefined)
    throw new ApiError(result.response.status, { status: result.response.status });
  return result.data;
}

/**
 * The data of an answer whose operation the OpenAPI document does not yet describe (JAX-RS `Response` answers
 * without a response schema): the caller names the type of the view the operation answers.
 */
export function mustAs<T>(result: { data?: unknown; response: Response }): T {
  return must(result) as T;
}

/** An answer's data (of the named view type) with the ETag the next edit must send as If-Match. */
export function versioned<T>(result: { data?: unknown; response: Response }): { data: T; etag: string } {
  return { data: mustAs<T>(result), etag: result.response.headers.get("ETag") ?? "" };
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}
