// AWS Amplify's AppSync simulator serving schema.appsync.graphql as we deploy it: every field a
// direct Lambda resolver whose payload reaches our handler through a loopback bridge, and the
// fan-out's signal mutations on a NONE data source, as infra/template.yaml declares them.
"use strict";
const http = require("http");

// The simulator listens on every interface; keep it on loopback.
const listen = http.Server.prototype.listen;
http.Server.prototype.listen = function (port, ...rest) {
  if (typeof port === "number") return listen.call(this, port, "127.0.0.1", ...rest);
  return listen.call(this, port, ...rest);
};

const fs = require("fs");
const { AmplifyAppSyncSimulator } = require("@aws-amplify/amplify-appsync-simulator");
const WebSocket = require("ws");

// AppSync's direct Lambda resolver payload, passed through unchanged.
const payload = `{"arguments": $util.toJson($ctx.arguments), "identity": $util.toJson($ctx.identity),
  "source": $util.toJson($ctx.source), "request": $util.toJson($ctx.request), "prev": null,
  "info": $util.toJson($ctx.info), "stash": $util.toJson($ctx.stash)}`;
const templates = [
  { path: "invoke.req.vtl", content: `{"version": "2018-05-29", "operation": "Invoke", "payload": ${payload}}` },
  { path: "batch.req.vtl", content: `{"version": "2018-05-29", "operation": "BatchInvoke", "payload": ${payload}}` },
  { path: "invoke.res.vtl", content: "#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end$util.toJson($ctx.result)" },
  { path: "batch.res.vtl", content: "#if($ctx.error)$util.error($ctx.error.message, $ctx.error.type)#end#if($ctx.result.errorType)$util.error($ctx.result.errorMessage, $ctx.result.errorType)#end$util.toJson($ctx.result.data)" },
  // The signal mutations' templates, as in infra/template.yaml.
  { path: "signal.req.vtl", content: '{"version": "2018-05-29", "payload": $util.toJson($ctx.arguments)}' },
  { path: "signal.res.vtl", content: "$util.toJson($ctx.result)" },
];
const SIGNALS = ["publishPostEvent", "publishNotification"];

// Starts the simulator; `resolvers` are [{typeName, fieldName, batch}] for the function.
async function startSimulator({ schema, resolvers, bridgeUrl, port = 0 }) {
  const invocations = [];
  async function invoke(request) {
    invocations.push(Array.isArray(request) ? request.length : 1);
    const response = await fetch(`${bridgeUrl}/invoke`, { method: "POST", body: JSON.stringify(request) });
    const body = await response.json();
    if (response.status !== 200) throw Object.assign(new Error(body.errorMessage), { type: body.errorType });
    return body;
  }
  const simulator = new AmplifyAppSyncSimulator({ port, wsPort: port });
  simulator.init({
    appSync: {
      name: "agora",
      defaultAuthenticationType: { authenticationType: "AMAZON_COGNITO_USER_POOLS" },
      additionalAuthenticationProviders: [{ authenticationType: "AWS_IAM" }],
    },
    schema: { content: fs.readFileSync(schema, "utf8") },
    mappingTemplates: templates,
    dataSources: [{ type: "AWS_LAMBDA", name: "agora", invoke }, { type: "NONE", name: "signals" }],
    resolvers: [
      ...resolvers.map((r) => ({
        kind: "UNIT",
        typeName: r.typeName,
        fieldName: r.fieldName,
        dataSourceName: "agora",
        requestMappingTemplateLocation: r.batch ? "batch.req.vtl" : "invoke.req.vtl",
        responseMappingTemplateLocation: r.batch ? "batch.res.vtl" : "invoke.res.vtl",
      })),
      ...SIGNALS.map((fieldName) => ({
        kind: "UNIT",
        typeName: "Mutation",
        fieldName,
        dataSourceName: "signals",
        requestMappingTemplateLocation: "signal.req.vtl",
        responseMappingTemplateLocation: "signal.res.vtl",
      })),
    ],
  });
  await simulator.start();
  const actual = new URL(simulator.url).port;
  const endpoint = `http://127.0.0.1:${actual}/graphql`;
  const graphql = async (token, query, variables) => {
    const headers = { "content-type": "application/json", authorization: token };
    const response = await fetch(endpoint, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
    return response.json();
  };
  return { simulator, port: actual, endpoint, graphql, invocations };
}

// One subscription over the realtime endpoint; resolves with "started" or the refusal, and
// hands every delivery to `onData`.
function subscribe(port, token, subscription, onData) {
  const auth = { Authorization: token, host: `127.0.0.1:${port}` };
  const header = Buffer.from(JSON.stringify(auth)).toString("base64");
  const socket = new WebSocket(`ws://127.0.0.1:${port}/graphql/realtime?header=${header}&payload=e30=`, "graphql-ws");
  const started = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no answer to the subscription within 10 s")), 10000);
    socket.on("message", (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === "connection_ack") {
        socket.send(JSON.stringify({
          id: "1", type: "start",
          payload: { data: JSON.stringify(subscription), extensions: { authorization: auth } },
        }));
      } else if (message.type === "start_ack") {
        clearTimeout(timer);
        resolve({ started: true });
      } else if (message.type === "data") {
        onData(message.payload);
      } else if (message.type === "error" || message.type === "connection_error") {
        clearTimeout(timer);
        resolve({ started: false, refusal: message.payload });
      }
    });
    socket.on("open", () => socket.send(JSON.stringify({ type: "connection_init" })));
    socket.on("error", reject);
  });
  return { socket, started };
}

module.exports = { startSimulator, subscribe };
