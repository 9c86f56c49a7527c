import type { Metadata } from "next";
import Link from "next/link";
import { connection } from "next/server";
import type { ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import "./globals.css";

export const metadata: Metadata = {
  title: "Consul Dashboard",
  description: "Live service health and safe KV editing for HashiCorp Consul",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put proxy.ts's per-request CSP nonce on its scripts.
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <nav aria-label="Main" className="flex gap-4 border-b border-slate-200 bg-white px-4 py-2 text-sm">
          <Link href="/">Services</Link>
          <Link href="/kv">Key/Value</Link>
        </nav>
        <QueryProvider>{children}</QueryProvider>
      </body>
    </html>
  );
}
