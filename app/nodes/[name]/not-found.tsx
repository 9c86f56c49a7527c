import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function NodeNotFound() {
  return <NotFoundPanel title="Node not found" message="No node of this name is registered in this datacenter of Consul." backHref="/nodes" backLabel="Back to the nodes" />;
}
