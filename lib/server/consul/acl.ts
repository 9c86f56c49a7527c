import "server-only";
import { getConsulClient } from "./index";
import { consulPath } from "./paths";
import { ConsulTokenSelf } from "./schemas";

export interface TokenIdentity {
  accessor: string;
  description: string | null;
}

/** Who a token is (/v1/acl/token/self, asked with that token). Consul's 401/403 come back as ConsulErrors. */
export async function readTokenSelf(secret: string): Promise<TokenIdentity> {
  const { data } = await getConsulClient().getJson(consulPath("acl", "token", "self"), ConsulTokenSelf, { token: secret, lossless: true });
  return { accessor: data.AccessorID, description: data.Description || null };
}
