package dev.loadtest.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.util.Pool;
import org.junit.jupiter.api.Test;

/** The connection pool's life cycle as Jetty drives it: reserve, enable, acquire, release. */
class IdleStackPoolTest {

  @Test
  void reusesTheMostRecentlyReleasedEntryAndStopsAtItsSize() {
    IdleStackPool<String> pool = new IdleStackPool<>(2);
    Pool.Entry<String> first = pool.reserve();
    Pool.Entry<String> second = pool.reserve();
    // full: a third connection may not be opened
    assertThat(pool.reserve()).isNull();
    assertThat(first.enable("a", false)).isTrue();
    assertThat(second.enable("b", true)).isTrue();
    assertThat(second.release()).isTrue();

    assertThat(pool.acquire()).isSameAs(second);
    assertThat(pool.acquire()).isSameAs(first);
    // both in use: nothing idle
    assertThat(pool.acquire()).isNull();
    assertThat(pool.getInUseCount()).isEqualTo(2);
    // released twice: the second release is refused
    assertThat(first.release()).isTrue();
    assertThat(first.release()).isFalse();
  }

  @Test
  void removedEntriesAreNeverHandedOutAgainAndFreeTheirPlace() {
    IdleStackPool<String> pool = new IdleStackPool<>(1);
    Pool.Entry<String> entry = pool.reserve();
    entry.enable("a", false);
    // closed while idle (an idle timeout)
    assertThat(entry.remove()).isTrue();
    assertThat(entry.remove()).isFalse();
    assertThat(pool.acquire()).isNull();
    assertThat(pool.size()).isZero();

    Pool.Entry<String> next = pool.reserve();
    next.enable("b", true);
    // closed while in use (the server said Connection: close): release is refused
    assertThat(next.remove()).isTrue();
    assertThat(next.release()).isFalse();
    assertThat(pool.size()).isZero();
  }

  @Test
  void terminatingHandsBackEveryEntryAndRefusesNewOnes() {
    IdleStackPool<String> pool = new IdleStackPool<>(3);
    Pool.Entry<String> idle = pool.reserve();
    idle.enable("idle", false);
    Pool.Entry<String> busy = pool.reserve();
    busy.enable("busy", true);

    assertThat(pool.terminate()).containsExactlyInAnyOrder(idle, busy);
    assertThat(pool.isTerminated()).isTrue();
    assertThat(pool.reserve()).isNull();
    assertThat(pool.acquire()).isNull();
    assertThat(idle.isTerminated()).isTrue();
    assertThat(busy.isInUse()).isTrue();
    // the busy entry's user still removes it once done
    assertThat(busy.release()).isFalse();
    assertThat(busy.remove()).isTrue();
  }

  @Test
  void concurrentUsersNeverShareAnEntry() throws Exception {
    int entries = 16;
    IdleStackPool<Integer> pool = new IdleStackPool<>(entries);
    for (int i = 0; i < entries; i++) {
      pool.reserve().enable(i, false);
    }
    int threads = 4;
    int rounds = 20_000;
    AtomicInteger[] holders = new AtomicInteger[entries];
    for (int i = 0; i < entries; i++) {
      holders[i] = new AtomicInteger();
    }
    AtomicInteger shared = new AtomicInteger();
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService executor = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(executor.submit(() -> {
          start.await();
          for (int round = 0; round < rounds; round++) {
            Pool.Entry<Integer> entry = pool.acquire();
            if (entry == null) {
              continue;
            }
            AtomicInteger holder = holders[entry.getPooled()];
            if (holder.incrementAndGet() != 1) {
              shared.incrementAndGet();
            }
            holder.decrementAndGet();
            entry.release();
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : done) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      executor.shutdownNow();
    }
    assertThat(shared).hasValue(0);
    // every entry is idle again and can be acquired exactly once
    Set<Integer> acquired = new HashSet<>();
    for (Pool.Entry<Integer> entry = pool.acquire(); entry != null; entry = pool.acquire()) {
      acquired.add(entry.getPooled());
    }
    assertThat(acquired).hasSize(entries);
  }
}
