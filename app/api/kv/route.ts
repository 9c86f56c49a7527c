import { KvDeleteBody, KvPutBody } from "@/lib/api/kv";
import { apiOperator } from "@/lib/server/auth/operator";
import { HttpError } from "@/lib/server/http/http-error";
import { route } from "@/lib/server/http/route";
import { assertWritable } from "@/lib/server/http/same-origin";
import { noStore, param, readBody } from "@/lib/server/http/request";
import { decodeValue } from "@/lib/server/kv/decode-value";
import { readEntry, sessionInfo } from "@/lib/server/consul/kv";
import { deleteKey, writeKey } from "@/lib/server/kv/writes";

export const dynamic = "force-dynamic";

// The key rides in ?key= so spaces, %, #, ? and "//" reach us unchanged.
export const GET = route(async (req: Request) => {
  const key = param(req, "key");
  const op = await apiOperator();
  const entry = await readEntry(key, op.token);
  if (!entry) throw new HttpError("not_found", `There is no key “${key}”.`);
  const lockSession = entry.session ? await sessionInfo(entry.session, op.token) : null;
  return Response.json({ entry, lockSession }, { headers: noStore });
});

export const PUT = route(async (req: Request) => {
  const op = await apiOperator();
  assertWritable(req, op);
  const body = await readBody(req, KvPutBody);
  const entry = await writeKey(op, { key: body.key, bytes: decodeValue(body.value), flags: body.flags, cas: body.cas });
  return Response.json({ entry }, { headers: noStore });
});

export const DELETE = route(async (req: Request) => {
  const op = await apiOperator();
  assertWritable(req, op);
  const body = await readBody(req, KvDeleteBody);
  await deleteKey(op, body.key, body.cas);
  return Response.json({ entry: null }, { headers: noStore });
});
