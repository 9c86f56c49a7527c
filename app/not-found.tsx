import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function NotFound() {
  return <NotFoundPanel title="Page not found" message="There is no page at this address." />;
}
