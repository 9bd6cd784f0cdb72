// Screens load on first visit (their own chunk of the bundle) so that start-up parses only the frame and the first
// screen; the detail skeleton holds the screen's place meanwhile.
import { lazy, Suspense, type ComponentType } from 'react';
import { DetailSkeleton } from './components/ui/detail-skeleton';

/** A page component that loads `name` from the module `load` imports, showing a skeleton until it has. */
export function lazyPage<P extends object, K extends string>(load: () => Promise<Record<K, ComponentType<P>>>, name: K): ComponentType<P> {
  const Page = lazy<ComponentType<P>>(async () => ({ default: (await load())[name] }));
  function LazyPage(props: P) {
    return (
      <Suspense fallback={<DetailSkeleton label="Loading the screen" />}>
        <Page {...props} />
      </Suspense>
    );
  }
  LazyPage.displayName = `Lazy(${name})`;
  return LazyPage;
}
