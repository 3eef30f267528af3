// graphql-ws (npm) against our server: one client subscribes, another mutates over HTTP.
// Usage: node subscriptions.mjs <subscribe url> <mutate url> <subscriber token> <author token>
// Prints one JSON line: what each subscription received, and how an anonymous socket ended.
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';

const [subscribeUrl, mutateUrl, subscriberToken, authorToken] = process.argv.slice(2);
const wsUrl = subscribeUrl.replace(/^http/, 'ws');
const TIMEOUT_MS = 60_000;

function client(token) {
  return createClient({
    url: wsUrl,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : {},
    retryAttempts: 0,
    lazy: true,
  });
}

// Collects events until `done(events)` says enough.
function collect(ws, query, done) {
  return new Promise((resolve, reject) => {
    const events = [];
    const timer = setTimeout(() => reject(new Error(`timed out: ${JSON.stringify(events)}`)), TIMEOUT_MS);
    const dispose = ws.subscribe({ query }, {
      next: (result) => {
        if (result.errors) {
          clearTimeout(timer);
          reject(new Error(JSON.stringify(result.errors)));
          return;
        }
        events.push(Object.values(result.data)[0]);
        if (done(events)) {
          clearTimeout(timer);
          dispose();
          resolve(events);
        }
      },
      error: (error) => { clearTimeout(timer); reject(error); },
      complete: () => {},
    });
  });
}

async function mutate(query, variables) {
  const response = await fetch(mutateUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${authorToken}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

// An anonymous socket is refused at connection_init (4403), before any subscription runs.
function anonymousOutcome() {
  return new Promise((resolve) => {
    const ws = client(null);
    ws.on('closed', (event) => resolve({ code: event.code, reason: event.reason }));
    ws.subscribe({ query: 'subscription { onPostEvent { type } }' }, {
      next: () => resolve({ code: 'received data' }),
      error: () => {},
      complete: () => {},
    });
  });
}

const subscriber = client(subscriberToken);
const connected = new Promise((resolve) => subscriber.on('connected', resolve));
const title = `live ${Date.now()}`;
const wanted = (events) => events.some((e) => e.post && e.post.title === title);
const postEvents = collect(
  subscriber,
  'subscription { onPostEvent(category: "tech") { type postId at cursor post { title } } }',
  wanted,
);
const feedUpdates = collect(
  subscriber,
  'subscription { onFeedUpdate { type postId post { title author { handle } } } }',
  wanted,
);
await connected;
// Give both subscriptions a moment to take their starting cursor, then publish elsewhere.
await new Promise((resolve) => setTimeout(resolve, 500));
const created = await mutate(
  'mutation($i: CreatePostInput!) { createPost(input: $i) { id } }',
  { i: { title, category: 'tech' } },
);
const [posts, feed] = await Promise.all([postEvents, feedUpdates]);
const anonymous = await anonymousOutcome();
await subscriber.dispose();
console.log(JSON.stringify({ created: created.createPost.id, title, posts, feed, anonymous }));
process.exit(0);
