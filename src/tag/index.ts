// The tag stage: items tagged with the divisions they are about, and the names it reads them by.
export {correctPlaces} from './correct-places.js'
export {paperRegions} from './home-region.js'
export {loadPlaceNames, type PlaceNames} from './mentions.js'
export {isPlaceName, tagItems} from './tag.js'
