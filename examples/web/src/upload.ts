// Images go straight to storage: the API hands out a presigned POST form, the browser sends the
// file there (no bytes through the API), then asks the API to verify it.

import type { GraphQLClient } from "./graphql.js";
import { COMPLETE_UPLOAD, CREATE_UPLOAD } from "./operations.js";

/** Upload one image; resolves to its upload id, READY to attach to a post. */
export async function uploadImage(api: GraphQLClient, file: File, altText: string): Promise<string> {
  const { createUpload: ticket } = await api.request(CREATE_UPLOAD, {
    input: { contentType: file.type, size: file.size, filename: file.name, altText },
  });
  const form = new FormData();
  for (const field of ticket.fields) form.append(field.name, field.value); // in order
  form.append("file", file); // the file goes last
  const stored = await fetch(ticket.url, { method: "POST", body: form });
  if (!stored.ok) throw new Error(`Storage refused the upload (${stored.status})`);
  const complete = async () =>
    (await api.request(COMPLETE_UPLOAD, { id: ticket.upload.id })).completeUpload;
  let done = await complete();
  // Processing (metadata stripped, sizes, variants) runs off the request path, about a second:
  // ask again until it is decided, so the post is created with its image ready to show.
  const deadline = Date.now() + 60_000;
  for (let wait = 250; done.status === "PROCESSING" || done.status === "PENDING"; ) {
    if (Date.now() > deadline) throw new Error("The image is taking too long to process");
    await new Promise((resolve) => setTimeout(resolve, wait));
    wait = Math.min(wait * 2, 2000);
    done = await complete();
  }
  if (done.status !== "READY") {
    throw new Error(`The image was rejected: ${done.reason ?? "unknown reason"}`);
  }
  return done.id;
}
