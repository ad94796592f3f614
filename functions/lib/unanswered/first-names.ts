/**
 * Common first names for the anonymiser, lower case. A compact list compiled by hand for this
 * project from frequent given names in Germany (births across the decades from the 1930s on,
 * as published year by year in the German press from registry office data) and in
 * English-speaking countries, plus frequent names of people who came to Germany from Turkey,
 * Poland, Russia, the Balkans and Arabic-speaking countries. Names that are also everyday
 * words in a question (April, Mai, Art, Will, Mark, Frank, Rose ...) are left out: the
 * capitalised-neighbour rule and the self-introduction rule still catch them in context.
 * No npm package with a maintained German first-name list exists (checked 2026-11); replace
 * this list by one when it does.
 */
export const firstNames: ReadonlySet<string> = new Set(
  `
anna maria elisabeth ursula monika petra sabine susanne andrea claudia stefanie nicole julia katharina
laura lena lea leonie sophie sophia sofia emma mia hannah hanna emilia lina marie ella clara klara
lisa sarah sara jana jennifer jessica melanie christina kristina sandra tanja anja birgit gabriele
karin renate helga ingrid erika gisela brigitte christa heike martina silke kerstin manuela nadine
daniela simone yvonne katrin kathrin franziska johanna charlotte luise louisa frieda greta ida
mathilda paula pia lara amelie nele marlene helene magdalena theresa veronika eva ute doris inge
irmgard hildegard gertrud margarete edith elke angelika bettina cornelia dagmar diana jutta
karla lotte meike miriam nina ramona regina rita ruth tina vanessa verena wiebke alina antonia
carla carolin caroline denise elena emily fiona hanne isabel isabell jasmin josephine kim
lilly luisa maja mara marina michelle natalie nora olga pauline rebecca ronja saskia selina
svenja tamara vivien zoe ayse fatma emine hatice zeynep elif merve aylin leyla yasemin fatima
aisha amira layla maryam noor olena irina natalia tatjana svetlana ludmila agnieszka katarzyna
malgorzata joanna ewa dragana jelena ana ivana
peter michael thomas andreas stefan stephan christian markus marcus martin klaus jürgen
juergen wolfgang hans uwe dieter günter guenter gunter manfred helmut horst gerhard werner heinz
karl walter kurt bernd rolf rainer joachim jörg joerg ralf holger matthias torsten thorsten sven
jan jens dirk olaf carsten kai tim tobias daniel david florian alexander sebastian philipp
jonas leon lukas lucas luca finn felix paul ben elias noah louis luis maximilian max moritz
niklas nico julian jakob jacob emil anton oskar oscar henry theo matteo liam mats henri
friedrich wilhelm heinrich hermann otto fritz georg johann johannes josef joseph franz
ludwig rudolf richard robert erich alfred herbert willi willy gustav albert arthur bruno
konrad konstantin kevin dennis marcel patrick pascal dominik benjamin fabian marco marko mario
timo björn bjoern niels nils lars mirko sascha volker ulrich norbert detlef hartmut reinhard
siegfried egon harald eckhard axel roland lothar bernhard simon jonathan samuel adrian
aaron vincent valentin leonard leopold jonte ole malte mehmet mustafa ahmet ali hasan
hüseyin huseyin ibrahim ismail osman yusuf murat emre burak deniz mohammed muhammad mohamed
ahmed omar hamza karim youssef piotr krzysztof tomasz pawel paweł marek wojciech sergej
sergei dmitri dmitrij andrej andrei alexej alexei wladimir vladimir igor oleg nikolai ivan
milan dragan goran zoran
john james william charles christopher matthew anthony donald steven
andrew joshua kenneth george edward brian ronald timothy jason jeffrey ryan gary nicholas
eric larry justin scott brandon gregory jack jerry tyler
mary patricia linda barbara elizabeth susan karen nancy betty margaret
ashley kimberly donna dorothy carol amanda melissa deborah stephanie
sharon cynthia kathleen amy shirley angela helen brenda pamela samantha
katherine christine debra rachel carolyn janet catherine heather diane olivia alice julie
joyce victoria kelly lauren joan evelyn judith megan cheryl martha
jacqueline ann gloria teresa kathryn janice jean madison judy abigail isabella
`
    .split(/\s+/)
    .filter(Boolean),
);
