/**
 * The demo's dashboard lets anyone edit KV with the server's token: its dev agent has
 * no ACLs, so there is no token to sign in with. Never run a real dashboard so unless
 * its network is trusted (see README, "Access").
 */
export function demoDashboardEnv(consulUrl: string): Record<string, string> {
  return { CONSUL_HTTP_ADDR: consulUrl, DASHBOARD_WRITES: "anyone" };
}

export const DEMO_WRITES_NOTE = "KV editing is open to anyone (DASHBOARD_WRITES=anyone): this dev agent has no ACLs to sign in with.";
