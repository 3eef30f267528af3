// The GraphQL client: POST JSON with the bearer token, Automatic Persisted Queries first.
//
// Each operation is sent as its SHA-256 hash alone; only when the server answers
// PERSISTED_QUERY_NOT_FOUND is it sent again with its text, which registers it. After that,
// requests carry a hash instead of the whole document. Documents come typed from `make codegen`
// (src/gql/): `request(LIKE, { id })` knows its variables and its result.

import type { TypedDocumentString } from "./gql/graphql.js";

export interface GraphQLErrorEntry {
  message: string;
  extensions?: { code?: string; [key: string]: unknown };
}

/**
 * What to show for one error. A suspended person's writes are FORBIDDEN with the reason and the
 * end in `extensions` (docs/SAFETY.md): say both, the date in the reader's own terms.
 */
function describe(error: GraphQLErrorEntry): string {
  const reason = error.extensions?.suspensionReason;
  if (typeof reason !== "string") return error.message;
  const until = error.extensions?.suspendedUntil;
  const end = typeof until === "string" ? `until ${new Date(until).toLocaleString()}` : "indefinitely";
  return `Your account is suspended ${end}: “${reason}”. You can still read`;
}

export class GraphQLError extends Error {
  constructor(readonly errors: GraphQLErrorEntry[]) {
    super(errors.map(describe).join("; "));
  }

  get code(): string | undefined {
    return this.errors[0]?.extensions?.code;
  }
}

interface Response<T> {
  data?: T;
  errors?: GraphQLErrorEntry[];
}

const hashes = new Map<string, string>();

async function sha256(text: string): Promise<string> {
  const known = hashes.get(text);
  if (known) return known;
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  const hex = [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  hashes.set(text, hex);
  return hex;
}

export class GraphQLClient {
  constructor(
    private readonly url: string,
    private readonly token: () => string | null,
  ) {}

  async request<T, V>(document: TypedDocumentString<T, V>, variables: V): Promise<T> {
    const query = document.toString();
    const persistedQuery = { version: 1, sha256Hash: await sha256(query) };
    let body = await this.post<T>({ variables, extensions: { persistedQuery } });
    if (body.errors?.some((e) => e.extensions?.code === "PERSISTED_QUERY_NOT_FOUND")) {
      body = await this.post<T>({ query, variables, extensions: { persistedQuery } });
    }
    if (body.errors?.length) throw new GraphQLError(body.errors);
    if (body.data === undefined) throw new GraphQLError([{ message: "No data in the response" }]);
    return body.data;
  }

  private async post<T>(payload: object): Promise<Response<T>> {
    const headers: Record<string, string> = { "content-type": "application/json" };
    const token = this.token();
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(this.url, {
      method: "POST",
      headers,
      body: JSON.stringify(payload),
    });
    return (await response.json()) as Response<T>;
  }
}
