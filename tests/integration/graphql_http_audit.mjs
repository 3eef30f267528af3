// Runs the npm package graphql-http's server audits against a GraphQL endpoint.
// Usage: node graphql_http_audit.mjs <url>; prints {"ok", "notice", "warn", "error", "failures"}.
import { auditServer } from "graphql-http";

const results = await auditServer({ url: process.argv[2] });
const summary = { ok: 0, notice: 0, warn: 0, error: 0, failures: [] };
for (const result of results) {
  summary[result.status] += 1;
  if (result.status !== "ok") summary.failures.push(`${result.status} ${result.id} ${result.name}`);
}
console.log(JSON.stringify(summary));
