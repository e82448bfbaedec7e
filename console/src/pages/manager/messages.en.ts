/** English texts of the dashboard's ratings chart, spread into i18n/en.ts. */
export const managerEn = {
  'dashboard.ratings': 'Customer ratings ({days} days)',
  'dashboard.rating': 'Rated {rating}',
  'dashboard.ratingsCount': 'Ratings',
  'dashboard.ratingsAverage': 'Average rating',
  'dashboard.noRatings': 'No ratings in this period.',
};
