// UI-only state (never server data: that lives in TanStack Query).
import { create } from 'zustand';

interface UiState {
  /** Whether the navbar is open on narrow screens; on wide screens it is always shown. */
  navbarOpened: boolean;
  toggleNavbar: () => void;
  closeNavbar: () => void;
}

export const useUiStore = create<UiState>()((set) => ({
  navbarOpened: false,
  toggleNavbar: () => set((s) => ({ navbarOpened: !s.navbarOpened })),
  closeNavbar: () => set({ navbarOpened: false }),
}));
