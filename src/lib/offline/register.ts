/**
 * Registers the service worker (`src/service-worker.ts`) once the page has loaded and the
 * browser is idle, so its precaching never competes with the first load. Where service workers
 * are missing, blocked or fail to register (a private window, a file:// copy, an embed in a
 * partitioned iframe), nothing happens: the app works online as before.
 */
export function registerServiceWorker(url: string, scope: string): void {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return;
	const register = () => {
		try {
			navigator.serviceWorker.register(url, { scope }).catch(() => {
				// Offline use is an extra: without it the app still runs from the network.
			});
		} catch {
			// Same: a synchronous refusal (an insecure context) leaves the app as it is.
		}
	};
	const whenIdle = () =>
		'requestIdleCallback' in window
			? window.requestIdleCallback(register, { timeout: 3000 })
			: setTimeout(register, 1000);
	if (document.readyState === 'complete') whenIdle();
	else window.addEventListener('load', whenIdle, { once: true });
}
