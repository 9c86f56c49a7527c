import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./wall.css";

export const metadata: Metadata = { title: "Consul wall" };

/** The wall has no navigation chrome: it fills the screen on its own. */
export default function WallLayout({ children }: { children: ReactNode }) {
  return children;
}
