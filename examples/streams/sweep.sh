#!/bin/sh
# The inference service's sizing sweep: the GPU pool's replicas (fixed, or autoscaling from 1 to
# 6) and its scaledown TTL, each point simulated as the whole stream with the same seeds, ranked
# by p99 latency, the Pareto set of p99 against cost marked (docs/streams.md, "Sizing").
npx flyscale sweep examples/streams/inference-service.yaml \
  --set environments.gpu.replicas=2,3,4,1:6 environments.gpu.scaledownTtl=30s,5m \
  --runs 3
