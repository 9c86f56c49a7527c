/** Said wherever a list may be incomplete because Consul filtered it for the dashboard's token. */
export function AclNotice({ filtered, what = "services and nodes" }: { filtered: boolean | undefined; what?: string }) {
  if (!filtered) return null;
  return (
    <p role="note" aria-label="ACL notice" className="rounded border border-status-degraded bg-warn-soft p-2 text-sm text-fg">
      <span aria-hidden="true">▲ </span>
      <strong>The dashboard&apos;s token cannot see everything.</strong> Consul left out {what} this token may not read (it answered
      &nbsp;<code>X-Consul-Results-Filtered-By-ACLs</code>), so the lists and counts here are incomplete. Give the token read rights
      (<code>service_prefix &quot;&quot;</code> and <code>node_prefix &quot;&quot;</code>) to see the whole datacenter.
    </p>
  );
}
