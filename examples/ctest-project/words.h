/* words.h - joining and splitting words. */
#ifndef WORDS_H
#define WORDS_H

/* A new string: the n words separated by sep. */
char *words_join(const char *const *words, int n, char sep);
/* A new array of *n new strings: the words of s between seps. */
char **words_split(const char *s, char sep, int *n);

#endif
