// Signing in. Locally the API's dev issuer stands in for Cognito: it lists the demo users and
// hands out a token for the one you pick. Against AWS, this is where a Cognito sign-in goes.

export interface DemoUser {
  handle: string;
  displayName: string;
  /** In the moderator group (local serve's demo moderator). */
  moderator?: boolean;
}

export interface Session {
  token: string;
  userId: string;
  handle: string;
}

const KEY = "agora.session";

export function currentSession(): Session | null {
  const stored = sessionStorage.getItem(KEY);
  return stored ? (JSON.parse(stored) as Session) : null;
}

export async function demoUsers(): Promise<DemoUser[]> {
  const response = await fetch("/dev/users");
  if (!response.ok) throw new Error("This server offers no demo users (it is not local serve)");
  return (await response.json()) as DemoUser[];
}

export async function signIn(handle: string): Promise<Session> {
  const response = await fetch("/dev/sign-in", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ handle }),
  });
  if (!response.ok) throw new Error(`Could not sign in as ${handle}`);
  const session = (await response.json()) as Session;
  sessionStorage.setItem(KEY, JSON.stringify(session));
  return session;
}

export function signOut(): void {
  sessionStorage.removeItem(KEY);
}
