/**
 * English words that carry no topic: function words, question words and the verbs people wrap a
 * question in ("tell me about…", "what happened…", "what did X say"). `other` is kept on purpose: "other
 * attacks" means something different from "attacks". They are dropped from both the index and the
 * query, so they never drive the ranking and a query made only of them matches nothing.
 *
 * Apostrophes are already removed when this list is consulted, hence `didnt`, `whats`.
 */
export const STOP_WORDS: ReadonlySet<string> = new Set([
  'a', 'about', 'above', 'across', 'after', 'again', 'against', 'all', 'along', 'also', 'although', 'am', 'among',
  'an', 'and', 'any', 'anything', 'around',
  'are', 'arent', 'as', 'at', 'be', 'because', 'been', 'before', 'behind', 'being', 'below', 'beside', 'between',
  'beyond', 'both', 'but',
  'by', 'can', 'cant', 'could', 'couldnt', 'did', 'didnt', 'do', 'does', 'doesnt', 'doing', 'done', 'dont',
  'down', 'during', 'each', 'else', 'ever', 'few', 'for', 'from', 'further', 'get', 'got', 'had', 'hadnt',
  'happen', 'happened', 'happens', 'has', 'hasnt', 'have', 'havent', 'having', 'he', 'hed', 'hes', 'her',
  'here', 'hers', 'herself', 'him', 'himself', 'his', 'how', 'hows', 'i', 'id', 'if', 'im', 'in', 'into',
  'is', 'isnt', 'it', 'its', 'itself', 'ive', 'just', 'know', 'let', 'lets', 'many', 'me', 'might', 'more', 'most',
  'much', 'must', 'near', 'my', 'myself', 'no', 'nor', 'not', 'now', 'of', 'off', 'on', 'once', 'only', 'or',
  'our', 'ours', 'ourselves', 'out', 'over', 'own', 'please', 'same', 'say', 'shall', 'she', 'shes', 'should',
  'shouldnt', 'since', 'so', 'some', 'something', 'such', 'tell', 'than', 'that', 'thats', 'the', 'their', 'theirs',
  'them', 'themselves', 'then', 'there', 'theres', 'these', 'they', 'theyre', 'thing', 'things', 'this',
  'those', 'though', 'through', 'to', 'too', 'toward', 'towards', 'under', 'unless', 'until', 'up', 'upon', 'us',
  'very', 'via', 'was', 'wasnt', 'we', 'were',
  'werent', 'what', 'whats', 'when', 'whens', 'where', 'wheres', 'which', 'while', 'who', 'whom', 'whos',
  'whose', 'why', 'whys', 'will', 'with', 'within', 'without', 'wont', 'would', 'wouldnt', 'you', 'youre', 'your', 'yours',
  'yourself', 'yourselves',
]);
