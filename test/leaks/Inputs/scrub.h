// Stale copies of a forgotten pointer count as references, as they do in
// LeakSanitizer: in a scratch register, or in a dead stack frame that a
// later frame (exit()'s, at the check) leaves unwritten. A test that
// expects a leak scrubs both before it waits or returns, so the verdict it
// checks has only the cause it is about.
#ifndef LEAK_TEST_SCRUB_H
#define LEAK_TEST_SCRUB_H

// Overwrites the dead frames below the caller's (the red zone included).
__attribute__((noinline)) static void scrub_stack(void) {
  volatile char buf[16384];
  for (int i = 0; i < (int)sizeof buf; i++)
    buf[i] = 0;
}

// Clears the scratch registers (x86-64, the only architecture the check
// supports).
static inline __attribute__((always_inline)) void scrub_registers(void) {
  __asm__ volatile("xor %%eax, %%eax\n\txor %%ecx, %%ecx\n\t"
                   "xor %%edx, %%edx\n\txor %%esi, %%esi\n\t"
                   "xor %%edi, %%edi\n\txor %%r8d, %%r8d\n\t"
                   "xor %%r9d, %%r9d\n\txor %%r10d, %%r10d\n\t"
                   "xor %%r11d, %%r11d"
                   :
                   :
                   : "rax", "rcx", "rdx", "rsi", "rdi", "r8", "r9", "r10",
                     "r11");
}

#endif
