// Serves schema.appsync.graphql from AWS Amplify's AppSync simulator, every resolver a direct
// Lambda resolver whose payload goes to our handler through a loopback bridge, then answers the
// GraphQL operations in the input file and one subscription. Prints results as JSON.
//
// Usage: node appsync_simulator.cjs <input.json>
//   input: {bridgeUrl, schema, resolvers: [{typeName, fieldName, batch}], token,
//           operations: [{name, query, variables}], subscription: {query, variables, trigger}}
"use strict";
const fs = require("fs");
const http = require("http");

// The simulator listens on every interface; keep it on loopback.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === "number") return listen.call(this, port, "127.0.0.1", ...rest);
  return listen.call(this, port, ...rest);
};

const { AmplifyAppSyncSimulator } = require("@aws-amplify/amplify-appsync-simulator");
const WebSocket = require("ws");

// The simulator logs to stdout; only our JSON result goes there.
const write = process.stdout.write.bind(process.stdout);
console.log = console.error;

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));

// AppSync's direct Lambda resolver payload, passed through unchanged.
const payload = `{"arguments": $util.toJson($ctx.arguments), "identity": $util.toJson($ctx.identity),
  "source": $util.toJson($ctx.source), "request": $util.toJson($ctx.request), "prev": null,
  "info": $util.toJson($ctx.info), "stash": $util.toJson($ctx.stash)}`;
const templates = [
  { path: "invoke.req.vtl", content: `{"version": "2018-05-29", "operation": "Invoke", "payload": ${payload}}` },
  { path: "batch.req.vtl", content: `{"version": "2018-05-29", "operation": "BatchInvoke", "payload": ${payload}}` },
  { path: "invoke.res.vtl", content: "#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end$util.toJson($ctx.result)" },
  { path: "batch.res.vtl", content: "#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end#if($ctx.result.errorType)$util.error($ctx.result.errorMessage, $ctx.result.errorType)#end$util.toJson($ctx.result.data)" },
];

const invocations = [];
async function invoke(request) {
  invocations.push(Array.isArray(request) ? request.length : 1);
  const response = await fetch(`${input.bridgeUrl}/invoke`, { method: "POST", body: JSON.stringify(request) });
  const body = await response.json();
  if (response.status !== 200) throw Object.assign(new Error(body.errorMessage), { type: body.errorType });
  return body;
}

async function main() {
  const simulator = new AmplifyAppSyncSimulator({ port: 0, wsPort: 0 });
  simulator.init({
    appSync: {
      name: "agora",
      defaultAuthenticationType: { authenticationType: "AMAZON_COGNITO_USER_POOLS" },
      additionalAuthenticationProviders: [],
    },
    schema: { content: fs.readFileSync(input.schema, "utf8") },
    mappingTemplates: templates,
    dataSources: [{ type: "AWS_LAMBDA", name: "agora", invoke }],
    resolvers: input.resolvers.map((r) => ({
      kind: "UNIT",
      typeName: r.typeName,
      fieldName: r.fieldName,
      dataSourceName: "agora",
      requestMappingTemplateLocation: r.batch ? "batch.req.vtl" : "invoke.req.vtl",
      responseMappingTemplateLocation: r.batch ? "batch.res.vtl" : "invoke.res.vtl",
    })),
  });
  await simulator.start();
  const url = new URL(simulator.url);
  const endpoint = `http://127.0.0.1:${url.port}/graphql`;
  const headers = { "content-type": "application/json", authorization: input.token };
  const graphql = async (query, variables) => {
    const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return response.json();
  };

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
    const simulated = await graphql(operation.query, operation.variables);
    const batches = [...invocations];
    results[operation.name] = { response: simulated, invocations: batches, ours: await ours(operation.query, operation.variables) };
  }

  // A subscription over the simulator's realtime endpoint, delivered after a mutation.
  const auth = { Authorization: input.token, host: `127.0.0.1:${url.port}` };
  const header = Buffer.from(JSON.stringify(auth)).toString("base64");
  const socket = new WebSocket(`ws://127.0.0.1:${url.port}/graphql/realtime?header=${header}&payload=e30=`, "graphql-ws");
  let trigger;
  const received = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no subscription data within 10 s")), 10000);
    socket.on("message", async (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({
          id: "1", type: "start",
          payload: { data: JSON.stringify(input.subscription), extensions: { authorization: auth } },
        }));
      } else if (message.type === "start_ack") {
        trigger = graphql(input.subscription.trigger.query, input.subscription.trigger.variables);
      } else if (message.type === "data") {
        clearTimeout(timer);
        resolve(message.payload);
      } else if (message.type === "error" || message.type === "connection_error") {
        clearTimeout(timer);
        reject(new Error(JSON.stringify(message)));
      }
    });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
    socket.on("error", reject);
    socket.on("close", (code, reason) => reject(new Error(`realtime socket closed: ${code} ${reason}`)));
  });
  results.subscription = await received;
  results.trigger = await trigger; // the event may arrive before the mutation's own answer
  socket.close();
  await simulator.stop();
  write(JSON.stringify(results));
}

main().then(() => process.exit(0), (error) => { console.error(error); process.exit(1); });
