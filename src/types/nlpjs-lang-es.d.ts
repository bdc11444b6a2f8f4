/** The part of @nlpjs/lang-es Cita uses: its Snowball Spanish stemmer (the package has no types). */
declare module '@nlpjs/lang-es' {
  const lang: { StemmerEs: new () => { stemWord(word: string): string } };
  export default lang;
}
