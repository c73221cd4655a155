// Preloaded into a server process by the SIGTERM tests: on SIGUSR2, a promise is rejected that nothing
// catches, as a throw inside a library's promise callback would be. Test-only; the server knows nothing of it.
process.on('SIGUSR2', () => {
  void Promise.reject(new Error('nobody catches this'));
});
