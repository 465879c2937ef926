/**
 * Dragging a guest onto a member, with Pointer Events so that a mouse, a pen and a finger all
 * work (HTML drag and drop does not on touch screens). A Svelte attachment for the guest's
 * handle: a press that moves more than a few pixels starts the drag; the member under the
 * pointer (an element with `data-drop-member`, on a member card or in the topology) is the
 * target; releasing drops, Escape or a lost pointer cancels. Keyboard users have the guest's
 * Relocate menu instead.
 */
import type { Attachment } from 'svelte/attachments';
import { dropMemberAt, type GuestRelocator } from '../state/relocate.svelte';

/** Pixels a press must move before it is a drag rather than a click. */
const THRESHOLD = 4;

/**
 * `guest` is read when a drag starts, not when the attachment is made: a frame replaces the
 * guest's record many times a second, and an attachment whose arguments changed would be torn
 * down and made again, dropping the drag in progress.
 */
export function guestDrag(
	relocator: GuestRelocator,
	guest: () => { user: string; from: string }
): Attachment {
	return (node) => {
		const el = node as HTMLElement;
		let press: { id: number; x: number; y: number } | null = null;
		let dragging = false;

		const end = () => {
			press = null;
			dragging = false;
			window.removeEventListener('keydown', onKey, true);
		};
		const onKey = (e: KeyboardEvent) => {
			if (e.key !== 'Escape' || !dragging) return;
			e.preventDefault();
			e.stopPropagation();
			relocator.cancel();
			if (press && el.hasPointerCapture(press.id)) el.releasePointerCapture(press.id);
			end();
		};
		const down = (e: PointerEvent) => {
			if (e.button !== 0 || press) return;
			press = { id: e.pointerId, x: e.clientX, y: e.clientY };
			el.setPointerCapture(e.pointerId);
		};
		const move = (e: PointerEvent) => {
			if (!press || e.pointerId !== press.id) return;
			if (!dragging) {
				if (Math.hypot(e.clientX - press.x, e.clientY - press.y) < THRESHOLD) return;
				dragging = true;
				const { user, from } = guest();
				relocator.begin(user, from, e.clientX, e.clientY);
				window.addEventListener('keydown', onKey, true);
			}
			e.preventDefault();
			relocator.move(e.clientX, e.clientY, dropMemberAt(e.clientX, e.clientY));
		};
		const up = (e: PointerEvent) => {
			if (!press || e.pointerId !== press.id) return;
			if (dragging) relocator.drop(dropMemberAt(e.clientX, e.clientY));
			end();
		};
		const lost = (e: PointerEvent) => {
			if (!press || e.pointerId !== press.id) return;
			if (dragging) relocator.cancel();
			end();
		};
		el.addEventListener('pointerdown', down);
		el.addEventListener('pointermove', move);
		el.addEventListener('pointerup', up);
		el.addEventListener('pointercancel', lost);
		el.addEventListener('lostpointercapture', lost);
		return () => {
			if (dragging) relocator.cancel();
			end();
			el.removeEventListener('pointerdown', down);
			el.removeEventListener('pointermove', move);
			el.removeEventListener('pointerup', up);
			el.removeEventListener('pointercancel', lost);
			el.removeEventListener('lostpointercapture', lost);
		};
	};
}
