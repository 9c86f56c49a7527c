import { NotFoundPanel } from "@/components/ui/not-found-panel";

export default function ServiceNotFound() {
  return <NotFoundPanel title="Service not found" message="No service of this name is registered in this datacenter of Consul." />;
}
