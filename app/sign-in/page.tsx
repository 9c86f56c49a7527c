import { SignInForm } from "@/components/kv/sign-in-form";
import { safeNext } from "@/lib/kv/next-path";
import { currentOperator, SESSION_END_MESSAGES } from "@/lib/server/auth/operator";
import { getConfig } from "@/lib/server/config";

export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function SignInPage({ searchParams }: { searchParams: Promise<Search> }) {
  const sp = await searchParams;
  const op = await currentOperator();
  const ended = typeof sp.ended === "string" && sp.ended in SESSION_END_MESSAGES ? SESSION_END_MESSAGES[sp.ended as keyof typeof SESSION_END_MESSAGES] : null;
  const { access } = getConfig();
  return (
    <SignInForm
      signedInAs={op.signedIn ? op.who : null}
      next={safeNext(typeof sp.next === "string" ? sp.next : null)}
      endedMessage={op.signedIn ? null : ended}
      readsNeedSignIn={access.reads === "signed-in"}
      wallHours={Math.round(access.wallSessionSeconds / 360) / 10}
    />
  );
}
