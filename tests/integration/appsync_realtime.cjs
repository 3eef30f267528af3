// AppSync's realtime side in AWS Amplify's simulator (appsync_harness.cjs): opens the input's
// subscriptions, tries the input's forged publish with a member's token, prints one JSON line
// when all have answered, collects deliveries until standard input closes, then prints them.
//
// Usage: node appsync_realtime.cjs <input.json>
//   input: {bridgeUrl, schema, port, resolvers: [{typeName, fieldName, batch}],
//           subscriptions: [{name, token, query, variables}], forge: {token, query}}
"use strict";
const fs = require("fs");
const { startSimulator, subscribe } = require("./appsync_harness.cjs");

const write = process.stdout.write.bind(process.stdout);
console.log = console.error;

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

async function main() {
  const { simulator, port, graphql } = await startSimulator(input);
  const received = {};
  const opened = input.subscriptions.map(({ name, token, query, variables }) => {
    received[name] = [];
    return subscribe(port, token, { query, variables }, (data) => received[name].push(data));
  });
  const answers = {};
  for (const [i, { name }] of input.subscriptions.entries()) answers[name] = await opened[i].started;
  const forged = await graphql(input.forge.token, input.forge.query, {});
  write(JSON.stringify({ ready: true, answers, forged }) + "\n");

  await new Promise((resolve) => {
    process.stdin.on("data", () => {});
    process.stdin.on("end", resolve);
  });
  await new Promise((resolve) => setTimeout(resolve, 500)); // deliveries still in flight
  for (const { socket } of opened) socket.close();
  await simulator.stop();
  write(JSON.stringify({ received }) + "\n");
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
