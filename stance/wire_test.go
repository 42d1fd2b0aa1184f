package stance

import "testing"

// TestScoreWireEvents covers the event types of wire news one by one, with
// sentences written for the tests: visits, calls, aid, sanctions, expulsions,
// clashes, accusations, summits, deals, arms sales, recognitions, truces,
// extraditions, protests at embassies, passives, reported speech, negation,
// joint subjects, officials, capitals, and places that are no actors.
// Articles are undated, so officials read as their most recent term.
func TestScoreWireEvents(t *testing.T) {
	runDirectionCases(t, []directionCase{
		// Visits and meetings: a visit and "met" go from the subject to the
		// object; joint subjects meet each other; talks go both ways.
		{"visit", "Chinese Premier Wen Jiabao visited Pakistan on Monday for talks on trade and security.", []string{"CHN>PAK+"}},
		{"met an official in a capital", "Indian Prime Minister Manmohan Singh met Japanese Prime Minister Yasuo Fukuda in Tokyo on Tuesday.", []string{"IND>JPN+"}},
		{"officials of two states met", "The foreign ministers of Egypt and Sudan met in Cairo on Sunday.", []string{"EGY>SDN+", "SDN>EGY+"}},
		{"summit with", "Syrian President Bashar al-Assad arrived in Paris on Saturday for a summit with French President Nicolas Sarkozy.", []string{"FRA>SYR+", "SYR>FRA+"}},
		{"spoke by telephone", "Russian President Dmitry Medvedev spoke by telephone with US President George W. Bush on Friday.", []string{"RUS>USA+", "USA>RUS+"}},
		{"talked with", "The Japanese foreign minister talked with his Chinese counterpart on the sidelines of the forum.", []string{"CHN>JPN+", "JPN>CHN+"}},
		{"due to visit", "The Chinese defence minister is due to visit Washington next month.", []string{"CHN>USA+"}},
		{"possessive official visited", "Iraq's prime minister visited Iran for the second time this year.", []string{"IRQ>IRN+"}},
		{"telephoned", "Putin telephoned Bush to express condolences.", []string{"RUS>USA+"}},
		// Demands.
		{"call on", "Japan called on North Korea to return the abducted citizens.", []string{"JPN>PRK-"}},
		{"urged", "Britain urged Iran to halt uranium enrichment.", []string{"GBR>IRN-"}},
		{"joint subjects urged", "Britain, France and Germany urged Iran to accept the incentives package.", []string{"DEU>IRN-", "FRA>IRN-", "GBR>IRN-"}},
		// Aid.
		{"aid to", "Japan will provide 100 million dollars in emergency aid to Myanmar after the cyclone.", []string{"JPN>MMR+"}},
		{"relief supplies", "The United States sent two navy ships carrying relief supplies to Georgia.", []string{"USA>GEO+"}},
		{"pledged to help", "China pledged to help Nepal rebuild after the earthquake.", []string{"CHN>NPL+"}},
		{"refused to help", "Saudi Arabia refused to help Yemen pay its debts.", []string{"SAU>YEM-"}},
		{"donated", "Kuwait donated 10 million dollars to Lebanon for reconstruction.", []string{"KWT>LBN+"}},
		// Sanctions and threats.
		{"imposed sanctions", "The United States imposed sanctions on three Iranian banks.", []string{"USA>IRN-"}},
		{"lifted sanctions", "Australia lifted its sanctions against Fiji on Friday.", []string{"AUS>FJI+"}},
		{"threatened to impose", "Washington threatened to impose fresh sanctions on Pyongyang.", []string{"USA>PRK-"}},
		{"warned it would sanction", "France warned it would sanction Iran if the talks failed.", []string{"FRA>IRN-"}},
		{"threatened to attack", "North Korea threatened to attack South Korean warships.", []string{"PRK>KOR-"}},
		{"warned it would strike", "Israel warned it would strike Hezbollah targets if attacked.", []string{"ISR>LBN-"}},
		// Diplomats and relations.
		{"expelled diplomats", "Russia expelled two Estonian diplomats on Thursday.", []string{"RUS>EST-"}},
		{"expelled diplomats over", "Britain expelled four Russian diplomats over the Litvinenko affair.", []string{"GBR>RUS-"}},
		{"expelled ambassador", "Bolivia expelled the US ambassador, accusing him of backing the opposition.", []string{"BOL>USA-"}},
		{"broke off relations", "Venezuela broke off diplomatic relations with Colombia.", []string{"VEN>COL-"}},
		{"recalled ambassador from a capital", "Ecuador recalled its ambassador from Bogota after the raid.", []string{"ECU>COL-"}},
		{"establish relations", "Lebanon and Syria agreed to establish diplomatic relations for the first time.", []string{"LBN>SYR+", "SYR>LBN+"}},
		{"establish ties after talks in a place", "Armenia and Turkey agreed to establish diplomatic ties after talks in Switzerland.", []string{"ARM>TUR+", "TUR>ARM+"}},
		// Force.
		{"joint demonyms clashed", "Thai and Cambodian troops clashed near a disputed temple on the border.", []string{"KHM>THA-", "THA>KHM-"}},
		{"clashed with", "Eritrean troops clashed with Djiboutian soldiers along the border on Tuesday.", []string{"DJI>ERI-", "ERI>DJI-"}},
		{"exchanged fire across", "Indian and Pakistani soldiers exchanged fire across the Line of Control in Kashmir.", []string{"IND>PAK-", "PAK>IND-"}},
		{"wounded by gunfire", "Two Thai soldiers were wounded by Cambodian gunfire near the border.", []string{"KHM>THA-"}},
		{"seized by guards", "A Japanese fishing boat was seized by Russian border guards off Hokkaido.", []string{"RUS>JPN-"}},
		{"attacked an embassy", "Serbian police attacked the US embassy in Belgrade.", []string{"SRB>USA-"}},
		{"protest outside an embassy", "Iranian officials protested outside the British embassy in Tehran.", []string{"IRN>GBR-"}},
		{"pulled out of", "Ethiopian troops pulled out of Somalia in January.", []string{"ETH>SOM+"}},
		{"arrested soldiers", "Burundi arrested three Rwandan soldiers suspected of spying.", []string{"BDI>RWA-"}},
		{"deported nationals", "The Philippines deported 20 Chinese nationals for illegal fishing.", []string{"PHL>CHN-"}},
		// Accusations and criticism.
		{"accused of shooting down", "Georgia accused Russia of shooting down an unmanned spy plane over Abkhazia.", []string{"GEO>RUS-"}},
		{"accused of meddling", "Iran accused Britain of meddling in its internal affairs.", []string{"IRN>GBR-"}},
		{"passive accused by", "Chad was accused by Sudan of sheltering Darfur rebels.", []string{"SDN>TCD-"}},
		{"condemned remarks by", "Turkey condemned remarks by the French president on the Armenian genocide.", []string{"TUR>FRA-"}},
		{"criticised a statement by", "Japan criticised a statement by China on the disputed islands.", []string{"JPN>CHN-"}},
		{"rejected an offer by", "Colombia rejected an offer by Venezuela to mediate with the rebels.", []string{"COL>VEN-"}},
		{"condemned as a provocation", "Washington on Monday condemned North Korea's rocket launch as a provocation.", []string{"USA>PRK-"}},
		{"official lashed out", "Iranian President Mahmoud Ahmadinejad lashed out at Israel again on Tuesday.", []string{"IRN>ISR-"}},
		{"official by surname", "Sarkozy criticised Beijing over its human rights record.", []string{"FRA>CHN-"}},
		{"official praised", "Condoleezza Rice praised Pakistan's efforts against militants.", []string{"USA>PAK+"}},
		{"capital lodged protest", "Tokyo lodged a formal protest with Seoul over the disputed islands.", []string{"JPN>KOR-"}},
		{"capital welcomed", "Beijing welcomed Taipei's decision to open direct flights.", []string{"CHN>TWN+"}},
		{"denied firing", "Pakistan denied that its troops had fired on Afghan positions.", nil},
		// Deals, arms sales, recognitions, truces, extraditions.
		{"signed trade agreement", "China and Peru signed a free trade agreement in Beijing on Friday.", []string{"CHN>PER+", "PER>CHN+"}},
		{"signed deal with", "Chile signed a free trade deal with Japan.", []string{"CHL>JPN+", "JPN>CHL+"}},
		{"signed deal to host", "Poland and the United States signed a deal to host a missile defence base.", []string{"POL>USA+", "USA>POL+"}},
		{"sell arms", "The United States will sell arms worth 1.5 billion dollars to Pakistan.", []string{"USA>PAK+"}},
		{"arms sale to", "Washington approved a 6.5 billion dollar arms sale to Taiwan.", []string{"USA>TWN+"}},
		{"recognised", "Costa Rica recognised Kosovo as an independent state.", []string{"CRI>XKX+"}},
		{"agreed to a ceasefire", "Israel and Hamas agreed to a six-month ceasefire brokered by Egypt.", []string{"ISR>PSE+", "PSE>ISR+"}},
		{"extradited to", "Mexico extradited four drug traffickers to the United States.", []string{"MEX>USA+"}},
		{"released prisoners as a gesture", "Israel freed 198 Palestinian prisoners in a goodwill gesture.", []string{"ISR>PSE+"}},
		{"congratulated", "Canada congratulated Ghana on its peaceful election.", []string{"CAN>GHA+"}},
		// Reported speech and negation.
		{"reported preparation to attack", "Israel is preparing to attack Iran's nuclear sites, a senior Syrian official said.", []string{"ISR>IRN-"}},
		{"reported decision", "Iran said Britain's decision to freeze Iranian assets was illegal.", []string{"GBR>IRN-"}},
		{"not recognised", "Egypt has not recognised the new government in Mauritania.", []string{"EGY>MRT-"}},
		{"would never accept aid", "Cuba said it would never accept aid from the United States.", []string{"CUB>USA-"}},
		{"will not send troops", "Brazil will not send troops to Bolivia, the defence minister said.", nil},
		// Places, datelines, statistics and sports: no stance.
		{"gathered in a capital", "Ministers from 20 countries gathered in Brussels to discuss climate change.", nil},
		{"accident abroad", "An Australian tourist died in a road accident in Bali, Indonesian police said.", nil},
		{"dateline and exports", "BEIJING, Aug 6 (AFP) - Japan's exports to the United States fell 3 percent in July.", nil},
		{"trade surplus", "Germany's trade surplus with France widened in June.", nil},
		{"football", "Spain beat Italy 4-2 on penalties to reach the semi-finals.", nil},
		{"football defeat", "Brazil defeated Argentina 3-0 in Belo Horizonte on Wednesday.", nil},
		{"runners in a city", "Kenyan runners dominated the marathon in Berlin.", nil},
		{"oil prices", "Oil prices fell in London as Iran's production rose.", nil},
		{"abstained", "Libya, Vietnam and South Africa abstained in the Security Council vote.", nil},
		{"embassy protest without actor", "Protesters burned flags outside the Danish embassy in Jakarta.", nil},
	})
}

// TestScoreWireClauses covers how clauses attach in wire sentences: the
// subject behind a place or an agent phrase, adverbs, coordinated verbs,
// adjunct acts, victims of a "when" clause, economic figures, and acts
// that are only asked for.
func TestScoreWireClauses(t *testing.T) {
	runDirectionCases(t, []directionCase{
		{"met is directed", "Pakistan's foreign minister met his Indian counterpart on the sidelines of the summit in Colombo.", []string{"PAK>IND+"}},
		{"will meet in a capital", "Chinese President Hu Jintao will meet Bush in Beijing during the Olympics.", []string{"CHN>USA+"}},
		{"offered to help", "Iran has offered to help Iraq rebuild its power grid.", []string{"IRN>IRQ+"}},
		{"eased restrictions", "Israel on Sunday eased restrictions on the movement of Palestinians in the West Bank.", []string{"ISR>PSE+"}},
		{"froze assets", "The Dutch government froze the assets of an Iranian bank.", []string{"NLD>IRN-"}},
		{"reported shot down", "Georgia said it had shot down a Russian reconnaissance drone over Abkhazia.", []string{"GEO>RUS-"}},
		{"passive with two agents", "Mauritania's new military rulers were condemned by the African Union and France.", []string{"AU>MRT-", "FRA>MRT-"}},
		{"handed over to", "Nigeria handed over the Bakassi peninsula to Cameroon on Thursday.", []string{"NGA>CMR+"}},
		{"joint dispute", "Ethiopia and Eritrea have been locked in a bitter border dispute since 1998.", []string{"ERI>ETH-", "ETH>ERI-"}},
		{"talks between broke down", "The talks between Russia and Ukraine on gas prices broke down on Friday.", []string{"RUS>UKR-", "UKR>RUS-"}},
		{"threatened to cut off", "Venezuelan President Hugo Chavez threatened to cut off oil supplies to the United States.", []string{"VEN>USA-"}},
		{"talks mediated by", "Syria and Israel are holding indirect peace talks mediated by Turkey.", []string{"ISR>SYR+", "SYR>ISR+"}},
		{"visit by", "The visit by the Chinese foreign minister to Tokyo was the first in three years.", []string{"CHN>JPN+"}},
		{"sentenced", "A Pakistani court on Tuesday sentenced a British man to death for murder.", []string{"PAK>GBR-"}},
		{"economic figure", "Japan's Nikkei index fell 2 percent in Tokyo on fears over the US economy.", nil},
		{"exports statistic", "India's exports to China rose 40 percent last year, the commerce ministry said.", nil},
		{"cut supplies", "Russia's Gazprom said it would cut gas supplies to Belarus unless Minsk paid its debts.", []string{"RUS>BLR-"}},
		{"with the backing of", "Kosovo declared independence from Serbia in February with the backing of the United States.", []string{"USA>XKX+"}},
		{"joint officials met", "Lebanese and Syrian officials met in Damascus to prepare for the summit.", []string{"LBN>SYR+", "SYR>LBN+"}},
		{"delegation led by", "A Chinese delegation led by Vice Premier Wang Qishan arrived in Washington for economic talks.", []string{"CHN>USA+"}},
		{"called for a ceasefire", "Germany's Angela Merkel and France's Nicolas Sarkozy called for a ceasefire in Georgia.", nil},
		{"accusations over a conflict", "Washington and Moscow traded accusations over the conflict in Georgia.", nil},
		{"forces in a country", "US forces in Iraq handed over control of Anbar province to Iraqi forces.", []string{"USA>IRQ+"}},
		{"slammed as interference", "China on Thursday slammed a US congressional resolution on Tibet as interference in its internal affairs.", []string{"CHN>USA-"}},
		{"killed when troops opened fire", "Three Indian soldiers were killed when Pakistani troops opened fire across the border, an Indian army spokesman said.", []string{"PAK>IND-"}},
		{"opposed arms sales", "Chinese Foreign Minister Yang Jiechi said Beijing firmly opposed any arms sales to Taiwan.", []string{"CHN>TWN-"}},
		{"has long accused", "Washington has long accused Tehran of seeking nuclear weapons, a charge Iran denies.", []string{"USA>IRN-"}},
		{"ministry summoned ambassador", "The Russian foreign ministry summoned the Polish ambassador over the missile shield deal.", []string{"RUS>POL-"}},
		{"failed to agree", "Japan and South Korea failed to agree on fishing rights in talks in Seoul.", []string{"JPN>KOR-", "KOR>JPN-"}},
		{"handed over to before object", "France handed over to Spain a suspected leader of the Basque separatist group ETA.", []string{"FRA>ESP+"}},
		{"expelled migrants", "Algeria expelled hundreds of Malian migrants last month, a human rights group said.", []string{"DZA>MLI-"}},
		{"protested to", "Vietnam protested to China over the detention of Vietnamese fishermen near the Paracel islands.", []string{"VNM>CHN-"}},
		{"head of army met", "The head of Sudan's army met Chadian officials in N'Djamena to discuss border security.", []string{"SDN>TCD+"}},
		{"raid inside a country", "Colombian troops killed a senior FARC commander in a raid inside Ecuador.", []string{"COL>ECU-"}},
		{"accused the ambassador", "Bolivian President Evo Morales accused the US ambassador of conspiring against his government.", []string{"BOL>USA-"}},
		{"killed and wounded", "Iranian forces killed or wounded 1,500 Iraqi soldiers, the news agency said.", []string{"IRN>IRQ-"}},
		{"arrested and deported", "Malaysian police arrested and deported 300 Indonesian workers.", []string{"MYS>IDN-"}},
		{"climber died abroad", "A Nepalese climber died on Mount Everest on Sunday, Chinese state media said.", nil},
		{"passive accused of looting", "Russian troops were accused by Georgia of looting the town of Gori.", []string{"GEO>RUS-"}},
		{"rejected calls by", "Sri Lanka has rejected calls by India for a ceasefire with the Tamil Tigers.", []string{"LKA>IND-"}},
		{"denounced for a visit", "The Chinese government on Wednesday denounced Japan for the visit to the Yasukuni shrine.", []string{"CHN>JPN-"}},
		{"deployed along a border with", "Turkey has deployed thousands of troops along its border with Iraq.", []string{"TUR>IRQ-"}},
		{"invited to a summit", "South Korea's president invited North Korean leader Kim Jong-Il to a summit.", []string{"KOR>PRK+"}},
		{"received a loan from", "Uzbekistan received a loan from Japan to build a power station.", []string{"JPN>UZB+"}},
		{"signed a joint statement", "Japanese Prime Minister Yasuo Fukuda and Chinese President Hu Jintao signed a joint statement in Tokyo.", []string{"CHN>JPN+", "JPN>CHN+"}},
		{"protested in a city against", "Hundreds of Pakistanis protested in Karachi against US missile strikes in the tribal areas.", []string{"PAK>USA-"}},
		{"drone fired at a house in a country", "A US drone fired missiles at a house in Pakistan's tribal region, killing six people.", []string{"USA>PAK-"}},
		{"pounded positions in", "Turkish jets pounded suspected Kurdish rebel positions in Iraq, the army said.", []string{"TUR>IRQ-"}},
		{"capitals signed agreement", "Moscow and Beijing have signed an agreement settling their border dispute.", []string{"CHN>RUS+", "RUS>CHN+"}},
		{"met a king of", "Egypt's president Hosni Mubarak met King Abdullah of Saudi Arabia in Jeddah.", []string{"EGY>SAU+"}},
		{"his country would not extradite", "Kenya's foreign minister said his country would not extradite the suspects to Uganda.", []string{"KEN>UGA-"}},
		{"restored relations", "Chile and Bolivia restored diplomatic relations broken off in 1978.", []string{"BOL>CHL+", "CHL>BOL+"}},
		{"arrested at an airport", "An Indian man was arrested at Dubai airport with drugs, police said.", nil},
		{"will not send troops to", "Australia will not send more troops to Iraq, the defence minister said.", nil},
		{"welcomed interest", "Secretary of State George Shultz said his country welcomed China's interest in joining the trade body.", []string{"USA>CHN+"}},
	})
}

// TestScoreIntentCategories checks that an act announced by a threat is a
// threat, that a pledge to act keeps the act's category, and that a refusal
// of a cooperative act is a rejection.
func TestScoreIntentCategories(t *testing.T) {
	s := newTestScorer(t)
	cases := []struct {
		text string
		want Category
		sign float64
	}{
		{"North Korea threatened to attack South Korean warships.", Threaten, -1},
		{"Washington threatened to impose fresh sanctions on Pyongyang.", Threaten, -1},
		{"France warned it would sanction Iran if the talks failed.", Threaten, -1},
		{"Israel warned that it would strike Syria.", Threaten, -1},
		{"China pledged to help Nepal rebuild after the earthquake.", Aid, 1},
		{"Saudi Arabia refused to help Yemen pay its debts.", Reject, -1},
		{"Hungary did not support Ukraine's membership bid.", Reject, -1},
		{"Israel warned Syria over the border incident.", Disapprove, -1},
	}
	for _, tc := range cases {
		t.Run(tc.text, func(t *testing.T) {
			ds := s.Score(Article{Body: tc.text}).Dyads
			if len(ds) != 1 {
				t.Fatalf("got %v, want one dyad", dyadSet(ds))
			}
			if d := ds[0]; d.Category != tc.want || d.Score*tc.sign <= 0 {
				t.Errorf("%s>%s %s %.2f, want %s with sign %+.0f", d.Source, d.Target, d.Category, d.Score, tc.want, tc.sign)
			}
		})
	}
}
