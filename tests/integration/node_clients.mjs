// Real GraphQL clients against a running server: graphql-request, and Apollo Client with
// automatic persisted queries. Usage: node node_clients.mjs <url> <token>; prints JSON.
import { createHash } from "node:crypto";
import { createRequire } from "node:module";
import { GraphQLClient } from "graphql-request";

const require = createRequire(import.meta.url);
const { ApolloClient, HttpLink, InMemoryCache, gql } = require("@apollo/client/core");
const { createPersistedQueryLink } = require("@apollo/client/link/persisted-queries");

const [url, token] = process.argv.slice(2);
const headers = { authorization: `Bearer ${token}` };
const result = {};

const plain = new GraphQLClient(url, { headers });
result.graphqlRequest = {
  query: await plain.request("{ posts(limit: 2) { items { title author { handle } } } }"),
  mutation: await plain.request(
    "mutation($i: CreatePostInput!) { createPost(input: $i) { title category } }",
    { i: { title: "From graphql-request", category: "tech" } },
  ),
};

const sent = [];
const recordingFetch = (uri, options) => {
  sent.push(options.body ? JSON.parse(options.body) : {});
  return fetch(uri, options);
};
const sha256 = (query) => createHash("sha256").update(query).digest("hex");
const apollo = new ApolloClient({
  link: createPersistedQueryLink({ sha256 }).concat(
    new HttpLink({ uri: url, fetch: recordingFetch, headers }),
  ),
  cache: new InMemoryCache({ addTypename: false }),
});
const query = await apollo.query({ query: gql`{ me { handle } categories }`, fetchPolicy: "no-cache" });
const mutation = await apollo.mutate({
  mutation: gql`mutation($i: CreatePostInput!) { createPost(input: $i) { title category } }`,
  variables: { i: { title: "From Apollo", category: "music" } },
});
result.apollo = {
  query: query.data,
  mutation: mutation.data,
  requests: sent.map((body) => ({
    withQuery: typeof body.query === "string",
    persisted: Boolean(body.extensions && body.extensions.persistedQuery),
  })),
};
console.log(JSON.stringify(result));
