/* Compiled with '-DGREETING="two words"' -DN=1 -UN -DN=2 by wrapper-query.test:
 * the wrapper passes arguments through whole and in order. */
_Static_assert(sizeof(GREETING) == sizeof("two words"),
               "quoted argument kept whole");
_Static_assert(N == 2, "arguments kept in order");
