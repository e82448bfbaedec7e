// Preloaded into servers started with DOCKET_SERVER_CPU_PROFILES: V8 writes a CPU profile only on a normal
// exit, and Nest re-raises SIGTERM after its shutdown hooks, which ends the process without one.
process.once('SIGTERM', () => process.exit(0));
