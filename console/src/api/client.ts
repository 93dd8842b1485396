import createClient, { type Middleware } from "openapi-fetch";
import { ApiError, type Problem } from "../lib/problem";
import type { components, paths } from "./schema";

export type Schemas = components["schemas"];

// View types named by the operations that answer them, not by component names (the merged document renames
// components that collide between services).
type Json<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  responses: { 200: { content: { "application/json": infer T } } };
}
  ? T
  : never;
export type Incident = Json<"/api/v1/incidents/{id}", "get">;
export type IncidentPage = Json<"/api/v1/incidents", "get">;
export type Comment = Json<"/api/v1/incidents/{id}/comments", "get">[number];
export type HistoryEntry = Json<"/api/v1/incidents/{id}/history", "get">[number];
export type NextStates = Json<"/api/v1/incidents/{id}/next-states", "get">;
export type SlaExplanation = Json<"/api/v1/incidents/{id}/sla", "get">;
export type Service = Json<"/api/v1/catalog/services/{id}", "get">;
export type CatalogItem = Json<"/api/v1/catalog/items/{id}", "get">;
export type ServiceRequest = Json<"/api/v1/requests/{id}", "get">;
export type RequestTask = Json<"/api/v1/requests/{id}/tasks", "get">[number];
export type ProblemRecord = Json<"/api/v1/problems/{id}", "get">;
export type ProblemMove = NonNullable<Json<"/api/v1/problems/{id}/next-states", "get">["moves"]>[number];
export type KnownError = Json<"/api/v1/problems/{id}/known-error", "get">;
export type KnownErrorPage = Json<"/api/v1/known-errors", "get">;
export type ResponseTemplate = Json<"/api/v1/response-templates/{id}", "get">;
export type SavedView = Json<"/api/v1/saved-views/{id}", "get">;

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
