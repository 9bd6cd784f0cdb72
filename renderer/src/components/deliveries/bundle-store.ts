// The delivery bundle opened for read-only inspection: kept in this window's memory only (never stored, never sent
// anywhere), until it is closed or the window reloads.
import { create } from 'zustand';
import type { DeliveryBundle } from '../../../../shared/contract/delivery-bundle';

interface BundleState {
  bundle: DeliveryBundle | null;
  fileName: string | null;
  open: (bundle: DeliveryBundle, fileName: string) => void;
  close: () => void;
}

export const useBundleStore = create<BundleState>()((set) => ({
  bundle: null,
  fileName: null,
  open: (bundle, fileName) => set({ bundle, fileName }),
  close: () => set({ bundle: null, fileName: null }),
}));
