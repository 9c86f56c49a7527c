import { SignInForm } from "@/components/kv/sign-in-form";
import { currentOperator } from "@/lib/server/auth/operator";

export const dynamic = "force-dynamic";

export default async function SignInPage() {
  const op = await currentOperator();
  return <SignInForm signedInAs={op.token ? op.who : null} />;
}
