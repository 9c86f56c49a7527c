import { describe, expect, it } from "vitest";
import { ConsulError } from "./consul/errors";
import { consulGroup } from "./consul/paths";
import { countKvWrite, countSseStream, renderMetrics, timeConsulRequest } from "./metrics";

describe("metrics", () => {
  it("groups Consul paths by their first two segments, and every KV path as kv", () => {
    expect(consulGroup("/v1/health/state/any")).toBe("health/state");
    expect(consulGroup("/v1/catalog/services")).toBe("catalog/services");
    expect(consulGroup("/v1/health/service/web")).toBe("health/service");
    expect(consulGroup("/v1/kv/config/app/db")).toBe("kv");
    expect(consulGroup("/v1/txn")).toBe("txn");
  });

  it("counts outcomes and renders Prometheus text", async () => {
    await timeConsulRequest("status/leader", false, async () => "ok");
    await expect(
      timeConsulRequest("kv", false, async () => {
        throw new ConsulError("http", "Permission denied", 403, "/v1/kv/a");
      }),
    ).rejects.toThrow("Permission denied");
    await expect(
      timeConsulRequest("catalog/services", true, async () => {
        throw new ConsulError("timeout", "slow", undefined, "/v1/catalog/services");
      }),
    ).rejects.toThrow("slow");
    countKvWrite("saved");
    countSseStream(1);
    const { body, contentType } = await renderMetrics();
    expect(contentType).toMatch(/^text\/plain/);
    expect(body).toContain('consul_dashboard_consul_requests_total{group="status/leader",outcome="ok"} 1');
    expect(body).toContain('consul_dashboard_consul_requests_total{group="kv",outcome="http_4xx"} 1');
    expect(body).toContain('consul_dashboard_consul_requests_total{group="catalog/services",outcome="timeout"} 1');
    expect(body).toContain('consul_dashboard_consul_request_duration_seconds_count{group="catalog/services",blocking="true"} 1');
    expect(body).toContain('consul_dashboard_kv_writes_total{outcome="saved"} 1');
    expect(body).toContain('consul_dashboard_kv_writes_total{outcome="conflict"} 0');
    expect(body).toContain("consul_dashboard_sse_streams 1");
    expect(body).toContain("consul_dashboard_process_resident_memory_bytes");
  });
});
