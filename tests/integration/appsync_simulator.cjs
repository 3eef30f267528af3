// Serves schema.appsync.graphql from AWS Amplify's AppSync simulator (appsync_harness.cjs) and
// answers the GraphQL operations in the input file, through the simulator and through our own
// endpoint right after. Prints results as JSON.
//
// Usage: node appsync_simulator.cjs <input.json>
//   input: {bridgeUrl, schema, resolvers: [{typeName, fieldName, batch}], token, ourToken,
//           operations: [{name, query, variables}]}
"use strict";
const fs = require("fs");
const { startSimulator } = require("./appsync_harness.cjs");

// The simulator logs to stdout; only our JSON result goes there.
const write = process.stdout.write.bind(process.stdout);
console.log = console.error;

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

async function main() {
  const { simulator, graphql, invocations } = await startSimulator(input);

  // Our own endpoint, through the same handler, asked right after the simulator.
  const ours = async (query, variables) => {
    const response = await fetch(`${input.bridgeUrl}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${input.ourToken}` },
      body: JSON.stringify({ query, variables }),
    });
    return response.json();
  };

  const results = {};
  for (const operation of input.operations) {
    invocations.length = 0;
    const simulated = await graphql(input.token, operation.query, operation.variables);
    const batches = [...invocations];
    results[operation.name] = { response: simulated, invocations: batches, ours: await ours(operation.query, operation.variables) };
  }
  await simulator.stop();
  write(JSON.stringify(results));
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
