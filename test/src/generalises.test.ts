/**
 * Behaviours that must hold for any article set, each shown on a small one written here: sources
 * that disagree in differently worded sentences, a figure about something else, a role the
 * articles never name.
 */
import { describe, expect, it } from 'vitest';
import { type Cita, createCita } from '../../src/index.ts';
import { parseArticle } from '../../src/knowledge.ts';
import { answerTypeOf, fixQuestionWord } from '../../src/question.ts';

function citaOf(...bodies: string[]): Cita {
  const articles = bodies.map((body, i) =>
    parseArticle(
      `source-${i}.md`,
      `---\ntitle: Source ${i} report\npublisher: Publisher ${i}\nurl: https://example.org/${i}\n---\n${body}`,
    ),
  );
  return createCita({ dir: '(test)', articles, vocabulary: { synonyms: [] } });
}

describe('on any article set', () => {
  it('shows both values when sources count the same thing differently, in differently worded sentences', () => {
    const cita = citaOf(
      'Norvik will build a battery factory in Sines. Norvik said the factory would create 1,800 direct jobs, most of them in cell production, quality control and maintenance. Construction starts in January.',
      'The Swedish company chose Portugal for its port. Norvik puts the plant workforce at 2,300 direct jobs once it is running at full capacity. The first cells are due in 2028.',
    );
    const answer = cita.ask('How many jobs will the factory create?');
    expect(answer.answered).toBe(true);
    expect(answer.conflict?.values.map((v) => v.value).sort()).toEqual(['1,800', '2,300']);
    expect(cita.figures().figures.find((f) => f.disputed)?.values).toHaveLength(2);
  });

  it('finds the dispute around the figures when one source says it in a long sentence', () => {
    const cita = citaOf(
      'The 14 km route will run from Harbour Gate to a new park-and-ride site at Millbrook Park, with 19 stops along the way.',
      'And yet on Tuesday night, after a long debate that featured more references to other cities than any council meeting in living memory, councillors voted for a line that will run from Harbour Gate to Millbrook Park and call at 21 stops along the way.',
    );
    const answer = cita.ask('How many stops will the line have?');
    expect(answer.conflict?.values.map((v) => v.value).sort()).toEqual(['19', '21']);
  });

  it('does not answer "how much X" with a figure about something else in the sentence', () => {
    const cita = citaOf(
      '"Sines gives us three things we cannot find together anywhere else in Europe: a deep-water port, abundant renewable power and a government that moves quickly," the chief executive said.',
      'The Sines plant will be built next to the port from January. Veltrix makes battery cells for cars. Portugal will contribute grants. The company raised money last year. Engineers have been hired. Trucks will carry the cells. The site covers a large area.',
    );
    const answer = cita.ask('How much water will the Sines plant consume each year?');
    expect(answer.answered).toBe(false);
    expect(answer.citations).toEqual([]);
  });

  it('declines a role the articles never name, rather than answering with another chief', () => {
    const cita = citaOf(
      '"LFP is the workhorse chemistry," Norvik\'s Chief Technology Officer Anders Lindqvist told reporters.',
      'Norvik was founded in Gothenburg and makes battery cells.',
    );
    const answer = cita.ask("Who is Norvik's chief financial officer?");
    expect(answer.answered).toBe(false);
    expect(answer.missing).toEqual(['chief financial officer']);
    expect(cita.ask("Who is Norvik's chief technology officer?").answer).toContain('Anders Lindqvist');
  });

  it('reads a misspelt question word, but never turns a word of its own into one', () => {
    const none = () => false;
    expect(fixQuestionWord('wen does the tram open', none)).toBe('when does the tram open');
    expect(fixQuestionWord('Whta is the cost?', none)).toBe('what is the cost?');
    expect(fixQuestionWord('hwo many stops?', none)).toBe('hwo many stops?');
    expect(fixQuestionWord('Were any jobs lost?', (w) => w === 'were')).toBe('Were any jobs lost?');
    expect(fixQuestionWord('hat sizes', none)).toBe('hat sizes');
    const cita = citaOf('The tram line will open in 2031, the council said.', 'The line has 19 stops.');
    expect(cita.ask('wen does the tram open').answer).toContain('2031');
  });

  it('reads "who runs/leads X" as a question about whoever holds a leading role beside X', () => {
    const cita = citaOf(
      'Kellbridge City Council approved the tram line on Tuesday. The leader of Kellbridge City Council, Priya Ramsden, called the vote historic.',
      'Orinta Semiconductor will build a plant in Ostrava. "We chose Ostrava for its engineers," said Marieke van Dongen, chief executive of Orinta Semiconductor.',
    );
    expect(cita.ask('Who leads Kellbridge City Council?').answer).toContain('Priya Ramsden');
    expect(cita.ask('Who runs Orinta Semiconductor?').answer).toContain('Marieke van Dongen');
    expect(cita.ask('Who is in charge of Orinta?').answer).toContain('Marieke van Dongen');
    expect(cita.ask('¿Quién dirige Orinta Semiconductor?').answer).toContain('Marieke van Dongen');
  });

  it('never answers "how much" or "how old" with a head count, a name alone, or the figure the question gives', () => {
    const cita = citaOf(
      'Microsoft will invest $1.3 billion in Mexico. The Bridge Accelerator will help 30,000 small businesses.',
      'The announcement was made by chief executive Satya Nadella in Mexico City. Viasat will bring internet access to 150,000 people.',
    );
    for (const question of [
      'How much of the $1.3 billion goes to the Bridge Accelerator?',
      'How much does Viasat charge for internet access?',
      'How old is Satya Nadella?',
    ]) {
      const answer = cita.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.citations, question).toEqual([]);
    }
    const aged = citaOf(
      'Chief executive Satya Nadella, 57, made the announcement.',
      'Microsoft will invest.',
    );
    expect(aged.ask('How old is Satya Nadella?').answer).toContain('57');
  });

  it('reads a sum in a currency written as a word, and "when" inside a question as no question word', () => {
    const cita = citaOf(
      'Orinta said on Tuesday it will invest 52 billion crowns in the plant.',
      'The plant will open in 2028.',
    );
    expect(cita.ask('How much money will Orinta invest?').answer).toContain('52 billion crowns');
    expect(answerTypeOf('what event was she speaking at when she announced it?')).toBe('description');
    expect(answerTypeOf('so when will it open?')).toBe('date');
  });

  it('reads power written in words as a capacity, and never sets a hectare figure against miles', () => {
    const cita = citaOf(
      'The two campuses will provide roughly 300 megawatts of IT capacity. A 14-hectare storage area lies two miles upstream of the city.',
      'The scheme includes a 14-hectare upstream storage area. Construction starts in 2026.',
    );
    expect(cita.ask('How many megawatts will the campuses provide?').answer).toContain('300 megawatts');
    expect(cita.figures().figures.filter((f) => f.disputed)).toEqual([]);
  });

  it('reads two swapped letters as one typo, a contraction without its apostrophe, and a possessive focus', () => {
    const cita = citaOf(
      'Tecnológico de Monterrey has developed Tecgpt, a platform for students. Rafael Sánchez Loza is the general manager of Microsoft Mexico.',
      'Orinta expects revenue growth. Orinta will invest in Ostrava.',
    );
    expect(cita.ask('what is tecgtp').answer).toContain('Tecgpt');
    expect(cita.ask('whos the general manager of microsoft mexico').answer).toContain('Rafael Sánchez Loza');
    expect(cita.ask("What was Orinta's turnover last year?").answered).toBe(false);
  });

  it('never sets against each other two figures one article gives for two things', () => {
    const cita = citaOf(
      'Arvelo said the project would employ up to 2,500 people at the peak of construction and create 1,200 permanent jobs once the mine is running. The refinery will produce 30,000 tonnes a year of lithium hydroxide, and Halden will buy 18,000 tonnes a year of lithium hydroxide.',
      'Once the site is fully operational, Arvelo says it will employ 850 people permanently. The company expects up to 2,500 workers on site at the peak of construction.',
      'Up to 2,500 people will be working on the two sites at the peak of construction.',
    );
    const disputed = cita.figures().figures.filter((f) => f.disputed);
    expect(disputed.map((f) => f.values.map((v) => v.value).sort())).toEqual([['1,200', '850']]);
    expect(cita.ask('How many permanent jobs will the project create?').conflict?.values).toHaveLength(2);
  });

  it('reads what a figure counts only up to a stopword or the next figure', () => {
    const cita = citaOf(
      'The 640-bed hospital will have 24 operating theatres.',
      'It will provide 580 beds, 24 operating theatres and an emergency department.',
      'Plans include 24 new operating theatres.',
    );
    const disputed = cita.figures().figures.filter((f) => f.disputed);
    expect(disputed.map((f) => f.values.map((v) => v.value).sort())).toEqual([['580', '640']]);
  });

  it('reads the day of a date as a date, not a count', () => {
    const cita = citaOf(
      'The hospital, confirmed on 3 November, carries a headline cost of £1.2 billion.',
      'Officials unveiled plans on Tuesday for the hospital, a 640-bed facility.',
    );
    expect(cita.ask('How many beds will the hospital have?').answer).toContain('640-bed');
    expect(cita.ask('When was the hospital confirmed?').answer).toContain('3 November');
    expect(cita.figures().figures.map((f) => f.values[0]?.value)).not.toContain('3');
  });

  it('asks for the role a "who is the chief executive of X" names, beside the whole of X', () => {
    const cita = citaOf(
      'Catriona Baird, chief executive of Northern Glens Hospital Group, said capacity was the constraint. A spokesperson for Caledon Infrastructure Partners said the consortium was proud.',
      'Caledon Infrastructure Partners will raise the other 60 per cent of the money.',
    );
    expect(cita.ask('Who runs Northern Glens Hospital Group?').answer).toContain('Catriona Baird');
    const other = cita.ask('Who is the chief executive of Caledon Infrastructure Partners?');
    expect(other.answered).toBe(false);
    expect(other.citations).toEqual([]);
  });

  it('answers "how tall/deep will X be" only with a measure said of X, and prefers a figure beside what is counted', () => {
    const cita = citaOf(
      'In Millgate the walls will rise to 1.8 metres. Arvelo will dig an open-pit mine in the hills and build a refinery on a plot on the edge of town, about 12 km from the mine.',
      'Inverness is to get a new £1.2bn teaching hospital. The new 640-bed Inverness teaching hospital will have a helipad.',
    );
    expect(cita.ask('How tall will the walls be in Millgate?').answer).toContain('1.8 metres');
    expect(cita.ask('How deep will the open pit be?').answered).toBe(false);
    expect(cita.ask("What's the bed capacity of the new Inverness teaching hospital?").answer).toContain(
      '640-bed',
    );
  });

  it('declines "the annual running costs" when the articles give only a capital cost', () => {
    const cita = citaOf(
      'The Ness Valley Hospital, confirmed on Monday, carries a headline capital cost of £1.2 billion.',
      'The new hospital will be built at Balvonie and run by Northern Glens. The hospital is up and running by 2029.',
    );
    const running = cita.ask('What will the annual running costs of Ness Valley Hospital be?');
    expect(running.answered).toBe(false);
    expect(running.citations).toEqual([]);
    expect(cita.ask('How much is the new Ness Valley Hospital going to cost?').answer).toContain(
      '£1.2 billion',
    );
  });

  it('reads chat abbreviations (ppl, yr) and a contract as an agreement', () => {
    const cita = citaOf(
      'The refinery will use 1.2 million cubic metres of water a year. More than 4,100 people signed the petition.',
      'Halden signed a ten-year offtake agreement with Arvelo.',
    );
    expect(cita.ask('how much water will the refinery use a yr').answer).toContain(
      '1.2 million cubic metres',
    );
    expect(cita.ask('how many ppl signed the petition').answer).toContain('4,100 people');
    expect(cita.ask('How long does the Halden supply contract run for?').answer).toContain('ten-year');
  });

  it('declines what a possessive of several words, a compound or a count of people asks about when the articles never say it', () => {
    const cita = citaOf(
      'Of the $2.4 billion total, $850 million will come from an 18-year loan by Banco Andino, a regional development lender. Cormoran Port Holdings operates the terminal.',
      'Once the turbines are turning, around 160 people will be employed permanently at a base in Vaskiniemi harbour.',
    );
    for (const question of [
      "What was Cormoran Port Holdings' revenue last year?",
      'What interest rate is Banco Andino charging on the loan?',
      'How many people live in Vaskiniemi?',
    ]) {
      const answer = cita.ask(question);
      expect(answer.answered, question).toBe(false);
      expect(answer.citations, question).toEqual([]);
    }
    expect(cita.ask('How many people will work in Vaskiniemi harbour?').answer).toContain('160 people');
    expect(cita.ask('How big is the loan from Banco Andino?').answer).toContain('$850 million');
  });

  it('writes out chat shorthand, but not a word the articles use', () => {
    const cita = citaOf(
      'Up to 3,200 construction workers will be on site at the peak of the works in 2027.',
      'The quay will be 1.2 kilometres long. Wat Arun is a temple.',
    );
    expect(cita.ask('how mny construction workers wil there be at the peak?').answer).toContain('3,200');
    expect(cita.ask('when is the peak of the works, i.e. wat year').answer).toContain('2027');
    expect(cita.ask('wat arun').answer).toContain('Wat Arun');
  });

  it('reads "in terms of generating capacity" as a capacity, and "how much is the bank lending" as what the bank lends', () => {
    const cita = citaOf(
      'The farm will have 84 turbines with a combined capacity of 1,260 megawatts. It will avoid about 1.6 million tonnes of emissions a year.',
      'Of the total, 850 million dollars will be lent by Banco Andino, a regional development bank. The terminal will cost $2.4 billion.',
    );
    expect(cita.ask('how big is the farm in terms of generating capacity?').answer).toContain(
      '1,260 megawatts',
    );
    expect(cita.ask('how much is the development bank lending for this?').answer).toContain(
      '850 million dollars',
    );
  });

  it('reads everyday paraphrases: up and running, med students, unhappy, households', () => {
    const cita = citaOf(
      'The terminal will create 1,400 permanent jobs once it is fully operational. The school will take up to 200 medical students a year.',
      'Residents are concerned about parking. The farm will supply around 1.2 million homes.',
    );
    expect(
      cita.ask('once the terminal is up and running, how many long-term jobs are we talking about?').answer,
    ).toContain('1,400 permanent jobs');
    expect(cita.ask('How many med students will train there each year?').answer).toContain('200 medical');
    expect(cita.ask('What are the residents unhappy about?').answer).toContain('parking');
    expect(cita.ask('how many households will the farm supply?').answer).toContain('1.2 million homes');
  });

  it('counts things only with a count of them, and answers with one a little below a sentence without any', () => {
    const cita = citaOf(
      "Finland's shallow coastal waters and steady winds have attracted developers, but Korppiluoto is the first of its kind in the water.",
      'Water depths at the Korppiluoto site range from 25 to 40 metres. The Korppiluoto farm will have 84 turbines.',
    );
    expect(cita.ask('how many turbines are actually going in the water at korppiluoto?').answer).toContain(
      '84 turbines',
    );
    expect(cita.ask('how many metres are the water depths at Korppiluoto?').answer).toContain('40 metres');
  });

  it('never disputes two values one article gives anywhere, nor distances from two places', () => {
    const cita = citaOf(
      'The wind farm will consist of 84 turbines, each rated at 15 megawatts, for a total installed capacity of 1,260 MW. San Aurelio lies 410 kilometres north of Lima.',
      'The wind farm will place 84 turbines off the coast, with a combined capacity of 1,260 megawatts. The Pampa Roja estuary lies 6 kilometres south of the terminal.',
      'The farm will have 84 turbines of 15 megawatts each. The town lies 415 kilometres north of Lima.',
    );
    const disputed = cita.figures().figures.filter((f) => f.disputed);
    expect(disputed.map((f) => f.values.map((v) => v.value).sort())).toEqual([['410', '415']]);
  });

  it('shows job cuts one source says are cut and another says will disappear, but not counts far apart', () => {
    const cita = citaOf(
      'The companies said about 1,200 jobs would be cut over three years, mostly in head office and sales. Brenna was founded in 1987 with three aircraft.',
      'Around 1,500 jobs are expected to disappear across the merged group over the next three years, staff were told. The combined airline will operate 111 aircraft.',
    );
    const disputed = cita.figures().figures.filter((f) => f.disputed);
    expect(disputed.map((f) => f.values.map((v) => v.value).sort())).toEqual([['1,200', '1,500']]);
    expect(cita.ask('how many roles will get axed?').conflict?.values).toHaveLength(2);
    expect(cita.ask('how many planes will the combined airline have?').answer).toContain('111 aircraft');
  });

  it('answers with the next sentence when it gives the figure about what the one before names', () => {
    const cita = citaOf(
      'The new Eastbank Aquatics Centre will feature two 50-metre pools and a diving pool. Construction is scheduled to begin in spring 2026, at a cost of 95 million euros. Local clubs will train there.',
      'The city council met on Tuesday. The stadium will have 42,000 seats.',
    );
    const answer = cita.ask("wat's the new aquatics centre gonna cost?");
    expect(answer.answer).toContain('95 million euros');
    expect(answer.answer).toContain('Aquatics Centre will feature');
    // Not when the sentence before does not say what is asked about.
    expect(cita.ask('What will the new velodrome cost?').answered).toBe(false);
  });

  it('reads contractions as grammar, and never takes a word it knows for a slip of another', () => {
    const cita = citaOf(
      'An extension of tram line 4 will run 6.2 km to the Eastbank district. Spending on the Games will reach 640 million euros.',
      'Some 6,500 athletes from 48 countries will compete in 32 sports.',
    );
    expect(cita.ask("how long is the tram extension they're building?").answer).toContain('6.2 km');
    // A length a little below the best-matching sentence must be a length of what is asked about.
    const other = citaOf(
      'The bid also includes a tram extension and an upgrade of Halvern Central station. Tram line 4 will get five new stops.',
      '"Right now we train in a 25-metre pool built in the 1970s," he said.',
    );
    expect(other.ask("how long is the tram extension they're building?").answered).toBe(false);
    // "sending" is not a typo of "spending".
    const sending = cita.ask('how much is the city sending to the Games?');
    expect(sending.answered).toBe(false);
  });

  it("declines X's role when the only holder named has it of another company", () => {
    // Both names in the title: the sentence alone must say whose the role is.
    const article = parseArticle(
      'merger.md',
      '---\ntitle: Halvard Air and Brenna Airlines agree to merge\npublisher: Wire\nurl: https://example.org/m\n---\nJonas Ekberg, currently Chief Financial Officer of Halvard Air, will serve as Group Chief Financial Officer.\n\nBrenna Airlines was founded in Corvane in 1987.',
    );
    const cita = createCita({ dir: '(test)', articles: [article], vocabulary: { synonyms: [] } });
    expect(cita.ask("who's Brenna's CFO at the moment?").answered).toBe(false);
    expect(cita.ask("Who is Halvard Air's CFO?").answer).toContain('Jonas Ekberg');
  });

  it('asks a sentence to say what a name owns, and a count of a thing named in several words to say it', () => {
    const cita = citaOf(
      'Together the two airlines control about 62% of domestic seats, against roughly 24% for low-cost rival Pelican Jet. The combined fleet will have 111 aircraft.',
      'Campaign group Halvern Before Medals gathered around 300 people outside city hall on Thursday. Some 6,500 athletes will compete in 32 sports.',
    );
    expect(cita.ask("how big is Pelican Jet's fleet?").answered).toBe(false);
    expect(cita.ask('how many medal events are on the schedule?').answered).toBe(false);
    expect(cita.ask('how many sports are there?').answer).toContain('32 sports');
  });
  it('reads an ordinal as its day, and a month or day the articles lack as unanswerable', () => {
    const cita = citaOf(
      'The union called off two further strike days planned for 11 and 12 September. Ticket prices rose by 4% in March.',
      'Drivers will return to a full timetable from Monday 8 September.',
    );
    expect(cita.ask('are the strikes on the 11th and 12th still happening?').answer).toContain(
      '11 and 12 September',
    );
    const january = cita.ask('are ticket prices going up again in january?');
    expect(january).toMatchObject({ answered: false, missing: ['january'] });
    expect(cita.ask('is there a strike on the 14th?')).toMatchObject({ answered: false, missing: ['14th'] });
  });

  it('leaves out a manner adverb the articles never use, and an aggregate "in total"', () => {
    const cita = citaOf(
      'Drivers will vote again next year. The drivers vote was held online. Drivers said the vote was fair. Most drivers vote in every ballot. The vote of the drivers ends the dispute. Strike days hit commuters. Strike days were called by the union. More strike days were planned.',
      'Members of the drivers union backed the new pay deal with the national rail operator, with 87.3% voting yes on a turnout of 78%. The deal runs for three years. The operator will restore the full timetable next week.',
      'The union staged 17 strike days since February, costing the operator millions in lost fares. Commuters said the strikes had thrown the region into chaos. The minister welcomed the vote.',
    );
    expect(cita.ask('how convincingly did the drivers vote?').answer).toContain('87.3%');
    expect(cita.ask('how many strike days were there in total?').answer).toContain('17 strike days');
  });

  it('asks for a capacity when "the total capacity" is asked, not for any amount', () => {
    const cita = citaOf(
      'Halvern will spend $4.2 billion building the campus, which will create 650 permanent jobs once it is built.',
      'The campus will have a total capacity of 480 megawatts when it is fully built out in 2031.',
    );
    expect(cita.ask("what's the total capacity gonna be once it's all built out").answer).toContain(
      '480 megawatts',
    );
  });
  it('reads a name typed in lower case as the name, and a deputy as no leader', () => {
    const cita = citaOf(
      "Mayor Colin Ashdown said the $2 million a year that Halvern will pay into a community fund would help the town. The company will pay for the upgrade, according to Marcus Lyle, Halvern's senior vice president.",
      '"Demand is growing fast," said Ingrid Solvang, Chief Executive Officer of Halvern.',
    );
    expect(cita.ask("who's in charge over at halvern these days?").answer).toContain('Ingrid Solvang');
  });

  it('declines what a name owns when the articles never mention it', () => {
    const cita = citaOf(
      "Drivers will get a 14.5% pay rise over three years. Sunday working becomes part of drivers' standard contracts from December.",
      'The deal also shortens training for new drivers and changes rosters.',
    );
    expect(cita.ask("did they change anything on drivers' pensions in this deal?")).toMatchObject({
      answered: false,
      missing: ['pensions'],
    });
    expect(cita.ask("what's in the drivers' contracts now?").answered).toBe(true);
  });
  it('asks what the money paid for is, and declines a sum paid for something else', () => {
    const cita = citaOf(
      'Halvern Cloud confirmed that it will spend $4.2 billion on a data centre campus on the old Kestle Farm.',
      'The site covers 140 hectares on the former Kestle Farm. Farmers sold the land last year.',
    );
    expect(cita.ask('what did halvern pay for the kestle farm land?').answered).toBe(false);
    expect(cita.ask('what will halvern spend on the campus?').answer).toContain('$4.2 billion');
  });
  it('shows two sources giving different sums per year for the same thing as a dispute', () => {
    const cita = citaOf(
      'The council voted for the congestion charge on Tuesday. The scheme is expected to raise £48 million a year once it is fully running.',
      "According to the council's business case, the charge is expected to bring in £35 million a year, all of which must be spent on transport.",
    );
    const answer = cita.ask('how much money will the charge bring in each year?');
    expect(answer.conflict?.values.map((v) => v.value).sort()).toEqual(['£35 million', '£48 million']);
  });

  it('reads slips of grammar words, an unknown "overall", and what a name owns two words on', () => {
    const cita = citaOf(
      'Orvane Motors is recalling 84,300 Tessa E crossovers. Shares in Orvane fell 6.4% on Tuesday. Anders Kolvik is the chief executive of Orvane.',
      'Owners will get letters from 20 October. The repair takes about five hours.',
    );
    expect(cita.ask('how mnay crossovers are they recalling overall?').answer).toContain('84,300');
    expect(cita.ask("whos orvane's ceo agian").answer).toContain('Anders Kolvik');
    expect(cita.ask("what's orvane's stock ticker?")).toMatchObject({ answered: false, missing: ['ticker'] });
  });

  it('reads a negation as grammar, a "lead architect" as that role, and a sum said further from its thing', () => {
    const cita = citaOf(
      'Mayor Delphine Achterberg opened the library. Lead architect Sunniva Holt said the design honours the mill workers.',
      'The library finally opened in May, two years later than originally planned. When the council voted in 2019 to build a new central library on the derelict mill site, the price tag was $62 million. Quillmark rejected a proposal from Tallowby of 36 crowns a share in February.',
    );
    expect(cita.ask('who was the lead architect on it?').answer).toContain('Sunniva Holt');
    expect(cita.ask('who leads the city?').answer).toContain('Delphine Achterberg');
    expect(cita.ask('what was the library originally supposed to cost?').answer).toContain('$62 million');
    expect(cita.ask("didn't tallowby make a bid before?").answer).toContain('36 crowns');
  });

  it('answers "when" with a date the story tells, not its dateline or the day something was said', () => {
    const cita = citaOf(
      'BELVARRE, May 13 (Caldora Business Wire) – Tallowby has agreed to buy rival Quillmark in a deal both boards expect to close smoothly, the companies said on Tuesday.',
      'The deal needs clearance from the competition watchdog and is expected to close in the first quarter of 2026.',
    );
    expect(cita.ask('when do they reckon the deal closes?').answer).toContain('first quarter of 2026');
  });

  it('reads "happening" as no event of its own, and Spanish words for sales and printers', () => {
    const cita = citaOf(
      'Tallowby is buying Quillmark. The deal needs the support of 75% of Quillmark shareholders at a meeting expected to be held in August.',
      "Quillmark's revenue reached 420 million crowns in 2024. The makerspace has 12 3D printers.",
    );
    expect(cita.ask('wen is the shareholder vote happening').answer).toContain('August');
    expect(cita.ask('¿cuánto facturó Quillmark en 2024?').answer).toContain('420 million crowns');
    expect(cita.ask('¿cuántas impresoras 3D hay en el makerspace?').answer).toContain('12 3D printers');
  });
});
