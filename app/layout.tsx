import type { Metadata } from "next";
import { connection } from "next/server";
import { headers } from "next/headers";
import { Suspense, type ReactNode } from "react";
import { QueryProvider } from "@/components/providers/query-provider";
import { AppHeader } from "@/components/shell/app-header";
import { themeScript } from "@/components/shell/theme-script";
import "./globals.css";

export const metadata: Metadata = {
  title: "Consul Dashboard",
  description: "Live service health and safe KV editing for HashiCorp Consul",
  icons: { icon: { url: "/favicon.svg", type: "image/svg+xml" } },
  manifest: "/manifest.webmanifest",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request, so Next can put proxy.ts's per-request CSP nonce on its scripts.
  await connection();
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" suppressHydrationWarning>
      <head>
        {/* Sets the theme before first paint: no flash of the wrong one. */}
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="min-h-screen bg-canvas text-fg antialiased">
        <QueryProvider>
          <Suspense>
            <AppHeader />
          </Suspense>
          <div id="main" tabIndex={-1} className="outline-none">
            {children}
          </div>
        </QueryProvider>
      </body>
    </html>
  );
}
